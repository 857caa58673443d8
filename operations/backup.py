"""Backups that restore: the database with its own tools, and the files beside it.

A backup is a folder: ``database.sqlite3`` (SQLite's online backup) or ``database.dump``
(pg_dump's custom format), ``files.tar.gz`` (the media and the private irritant files) and
``manifest.json`` (what it holds, counted, so that a restore can be checked).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

FILE_ROOTS = {"media": "MEDIA_ROOT", "private": "IRRITANTS_PRIVATE_ROOT"}


class BackupError(Exception):
    """A backup or a restore that cannot go on, with a message for the operator."""


# What a backup counts besides the core's content, declared by the apps that own it
# (``count_in_backups``): the irritants, personal data that a restore must bring back.
COUNTED = {}


def count_in_backups(name, model):
    COUNTED[name] = model


def counts():
    """The numbers a restore must find again."""
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.models import Page, Revision

    figures = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
    }
    figures.update({name: model.objects.count() for name, model in COUNTED.items()})
    return figures


def _database():
    return settings.DATABASES["default"]


def _pg_env(database):
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return env


def _pg_args(database):
    args = []
    for flag, key in (("-h", "HOST"), ("-p", "PORT"), ("-U", "USER")):
        if database.get(key):
            args += [flag, str(database[key])]
    return args


def _run(command, env=None):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(destination, log=print):
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: choose a new folder.")
    destination.mkdir(parents=True, exist_ok=True)
    database = _database()
    log("1/3 database…")
    if connection.vendor == "sqlite":
        target = sqlite3.connect(destination / "database.sqlite3")
        with target:
            connection.ensure_connection()
            connection.connection.backup(target)
        target.close()
    elif connection.vendor == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(destination / "database.dump"),
                *_pg_args(database),
                database["NAME"],
            ],
            env=_pg_env(database),
        )
    else:
        raise BackupError(f"No backup for the {connection.vendor} database.")
    log("2/3 files…")
    with tarfile.open(destination / "files.tar.gz", "w:gz") as archive:
        for name, setting in FILE_ROOTS.items():
            root = Path(getattr(settings, setting))
            if root.exists():
                archive.add(root, arcname=name)
    log("3/3 manifest…")
    manifest = {
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "counts": counts(),
    }
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _database_is_empty():
    return not connection.introspection.table_names()


def restore(source, log=print):
    """Restore a backup into an empty database and empty file folders; check the counts."""
    source = Path(source)
    manifest_path = source / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"{source} is not a backup folder (no manifest.json).")
    manifest = json.loads(manifest_path.read_text())
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']} database; "
            f"DATABASE_URL points to {connection.vendor}."
        )
    if not _database_is_empty():
        raise BackupError(
            "The database is not empty: restore into a new, empty database (nothing was changed)."
        )
    for setting in FILE_ROOTS.values():
        root = Path(getattr(settings, setting))
        if root.exists() and any(root.iterdir()):
            raise BackupError(f"{root} ({setting}) is not empty: nothing was changed.")
    database = _database()
    log("1/3 database…")
    if connection.vendor == "sqlite":
        connection.close()
        shutil.copyfile(source / "database.sqlite3", database["NAME"])
    else:
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                "--dbname",
                database["NAME"],
                *_pg_args(database),
                str(source / "database.dump"),
            ],
            env=_pg_env(database),
        )
    log("2/3 files…")
    with tarfile.open(source / "files.tar.gz", "r:gz") as archive:
        for name, setting in FILE_ROOTS.items():
            root = Path(getattr(settings, setting))
            members = [m for m in archive.getmembers() if m.name.split("/")[0] == name]
            for member in members:
                member.name = member.name[len(name) :].lstrip("/")
            root.mkdir(parents=True, exist_ok=True)
            archive.extractall(root, members=[m for m in members if m.name], filter="data")
    log("3/3 checking…")
    found = counts()
    if found != manifest["counts"]:
        raise BackupError(
            f"Restored, but the counts differ: {found} instead of {manifest['counts']}."
        )
    return found
