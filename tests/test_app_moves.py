"""Models moved between apps keep everything: a database filled by the code from before the
moves (its own migrations and load_demo) is migrated by today's code, and every table, row,
content type, revision and permission is still there, under the same ids.

The moves (state-only migrations, the tables stay): pagecache.Generation -> home.Generation,
home.NetworkHomePage -> hub.NetworkHomePage, projects.CallIndexPage and CallForIrritantsPage
-> irritants, territories.TerritoryHighlight -> projects. The database is a new one, beside
the suite's (a temporary SQLite file, or a database on the suite's PostgreSQL server); the
code from before is taken from git.
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = (ROOT / "tests" / "app_moves_snapshot.py").read_text()
# The last commit before the moves (a3a2419 made them).
BEFORE = "e1e2fe14d377b12504c9f4661772a78617466f0f"

# Content types, as app_label.model, before and after.
MOVED = {
    "pagecache.generation": "home.generation",
    "home.networkhomepage": "hub.networkhomepage",
    "projects.callindexpage": "irritants.callindexpage",
    "projects.callforirritantspage": "irritants.callforirritantspage",
    "territories.territoryhighlight": "projects.territoryhighlight",
}
# Model classes, as labels, before and after.
MOVED_MODELS = {
    "pagecache.Generation": "home.Generation",
    "home.NetworkHomePage": "hub.NetworkHomePage",
    "projects.CallIndexPage": "irritants.CallIndexPage",
    "projects.CallForIrritantsPage": "irritants.CallForIrritantsPage",
    "territories.TerritoryHighlight": "projects.TerritoryHighlight",
}
# The old demo highlights no project: each home page is given one, as an editor would (a
# published revision), so that the highlights' move has rows to keep.
HIGHLIGHT = """
import django
django.setup()
from projects.models import ProjectPage
from territories.models import TerritoryHighlight, TerritoryHomePage
for home in TerritoryHomePage.objects.filter(alias_of=None):
    projects = ProjectPage.objects.live().descendant_of(home).filter(locale=home.locale)
    home.highlights = [TerritoryHighlight(project=projects.order_by("path").first())]
    home.save_revision().publish()
"""
GROWN_BY_NEW_MODELS = {"auth.Permission", "contenttypes.ContentType"}
# The territories migration the moves ended with.
MOVES_DONE = "0008"
# Columns that later migrations remove by design: irritants/0006 moves each attachment to a
# row of its own (irritants_irritantattachment), 0007 drops the old column.
REMOVED_SINCE = {"irritants_irritant": {"attachment"}}
# Tables compared row by row elsewhere in this file, or that every migrate rewrites.
NOT_COMPARED_AS_DATA = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group_permissions",
    "wagtailcore_grouppagepermission",
    # SQLite's full-text index and its shadow tables: search/0003 rewrites them with the
    # French stems of the entries by design (the entries, wagtailsearch_indexentry, are
    # compared and keep their text).
    "wagtailsearch_indexentry_fts",
    "wagtailsearch_indexentry_fts_content",
    "wagtailsearch_indexentry_fts_data",
    "wagtailsearch_indexentry_fts_idx",
    "wagtailsearch_indexentry_fts_docsize",
    "wagtailsearch_indexentry_fts_config",
}


def run(command, env, cwd):
    result = subprocess.run(
        command, env=env, cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(command[:4])}… exited with {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def snapshot(env, cwd, *arguments):
    return json.loads(run([sys.executable, "-c", SNAPSHOT, *arguments], env, cwd))


def manage(env, cwd, *arguments):
    return run([sys.executable, "manage.py", *arguments], env, cwd)


def old_checkout(folder):
    """The code from before the moves, taken from git, with ``site_config`` (installed in
    editable mode from this checkout) pointing at its own site/ folder."""
    known = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", f"{BEFORE}^{{commit}}"], capture_output=True
    )
    if known.returncode != 0:
        pytest.fail(f"Commit {BEFORE[:8]} is missing: this test needs git history (a full clone).")
    code, shim = folder / "before", folder / "shim"
    code.mkdir()
    shim.mkdir()
    archive = folder / "before.tar"
    subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), BEFORE], check=True)
    subprocess.run(["tar", "-x", "-f", str(archive), "-C", str(code)], check=True)
    (shim / "site_config").symlink_to(code / "site", target_is_directory=True)
    # The editable install's finder would complete the old apps with today's modules that
    # they lack (operations.models): the old side sees only its own code.
    (shim / "sitecustomize.py").write_text(
        "import sys\n"
        "sys.meta_path[:] = [finder for finder in sys.meta_path\n"
        "                    if '__editable__' not in getattr(finder, '__module__', '')]\n"
    )
    return code, f"{shim}{os.pathsep}{code}"


class Database:
    """A new database on the suite's engine, named by DATABASE_URL for the subprocesses."""

    def __init__(self, folder):
        self.settings = settings.DATABASES["default"]
        self.postgresql = self.settings["ENGINE"] == "django.db.backends.postgresql"
        if self.postgresql:
            self.name = f"app_moves_{secrets.token_hex(4)}"
            self._execute(f'CREATE DATABASE "{self.name}"')
            # The suite's server, user and options; only the database differs.
            self.url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{self.name}").geturl()
        else:
            self.url = f"sqlite:///{folder / 'before.sqlite3'}"

    def _execute(self, statement):
        import psycopg

        options = {
            "host": self.settings.get("HOST"),
            "port": self.settings.get("PORT"),
            "user": self.settings.get("USER"),
            "password": self.settings.get("PASSWORD"),
        }
        options = {key: value for key, value in options.items() if value}
        with psycopg.connect(dbname="postgres", autocommit=True, **options) as connection:
            connection.execute(statement)

    def drop(self):
        if self.postgresql:
            self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def moved():
    """The database filled by the old code, then migrated by today's: the snapshots of both,
    and what runs today's code against it."""
    with tempfile.TemporaryDirectory(prefix="app-moves-") as folder:
        folder = Path(folder)
        database = Database(folder)
        try:
            env = {
                key: value
                for key, value in os.environ.items()
                # No shared cache, search server or storage: only this database.
                if key not in {"REDIS_URL", "SEARCH_URL", "S3_BUCKET", "PYTHONPATH"}
            }
            env.update(
                DJANGO_SETTINGS_MODULE="site_config.settings",
                DATABASE_URL=database.url,
                MEDIA_ROOT=str(folder / "media"),
                IRRITANTS_PRIVATE_ROOT=str(folder / "private"),
            )
            code, python_path = old_checkout(folder)
            old_env = {**env, "PYTHONPATH": python_path}
            manage(old_env, code, "migrate", "--noinput")
            manage(old_env, code, "load_demo")
            run([sys.executable, "-c", HIGHLIGHT], old_env, code)
            before = snapshot(old_env, code)

            # Compared in the state the moves left (issue 16): later migrations add rows of
            # their own by design (territories/0009: the Administration groups).
            manage(env, ROOT, "migrate", "--noinput")
            manage(env, ROOT, "migrate", "--noinput", "territories", MOVES_DONE)
            after = snapshot(env, ROOT)
            yield {"before": before, "after": after, "env": env, "old_code": code}
        finally:
            database.drop()


def test_each_side_ran_its_own_code(moved):
    for side, code in (("before", moved["old_code"].resolve()), ("after", ROOT)):
        files = {
            name: Path(file).resolve() for name, file in moved[side]["modules"].items() if file
        }
        assert "site_config.settings" in files
        assert [name for name, file in files.items() if not file.is_relative_to(code)] == [], side
    # The suite's engine, on both sides.
    assert moved["before"]["vendor"] == moved["after"]["vendor"] == connection.vendor


def test_the_old_demo_has_something_of_each_moved_model(moved):
    models = moved["before"]["models"]
    for label in MOVED_MODELS:
        assert models[label]["count"] > 0, label
    assert moved["before"]["irritants"]
    assert moved["before"]["translation_sources"]


def changed_data(before, after):
    """The tables, and their columns, whose rows differ. Tables and columns added since are
    not compared; every old one must hold the same values in the same rows."""
    changed = {}
    for table, contents in before.items():
        if table in NOT_COMPARED_AS_DATA:
            continue
        if table not in after:
            changed[table] = "gone"
        elif after[table]["count"] != contents["count"]:
            changed[table] = f"{contents['count']} rows, now {after[table]['count']}"
        elif columns := [
            column
            for column, digest in contents["columns"].items()
            if after[table]["columns"].get(column) != digest
            and column not in REMOVED_SINCE.get(table, ())
        ]:
            changed[table] = columns
    return changed


def test_every_table_keeps_every_row(moved):
    assert changed_data(moved["before"]["tables"], moved["after"]["tables"]) == {}


def test_content_types_keep_their_ids_under_their_new_apps(moved):
    before, after = moved["before"]["content_types"], moved["after"]["content_types"]
    assert set(MOVED) <= set(before.values())
    for pk, label in before.items():
        assert after.get(pk) == MOVED.get(label, label), pk
    # No stale type left behind, and none made twice.
    labels = list(after.values())
    assert not set(labels) & set(MOVED)
    assert len(labels) == len(set(labels))
    # Today's code finds the moved models' types under their old ids.
    ids = {label: pk for pk, label in before.items()}
    models = moved["after"]["models"]
    for old, new in MOVED_MODELS.items():
        assert models[new]["content_type"] == int(ids[old.lower()]), new


def test_pages_keep_their_type_and_are_read_as_the_moved_classes(moved):
    before, after = moved["before"]["pages"], moved["after"]["pages"]
    assert after.keys() == before.keys()
    for pk, page in before.items():
        expected = {**page, "specific": MOVED_MODELS.get(page["specific"], page["specific"])}
        assert after[pk] == expected, pk
    # The moved page types are read from their own tables, not as plain pages.
    read_as = {page["specific"] for page in after.values()}
    assert {"hub.NetworkHomePage", "irritants.CallIndexPage"} <= read_as
    assert "irritants.CallForIrritantsPage" in read_as
    models_before, models_after = moved["before"]["models"], moved["after"]["models"]
    for old, new in MOVED_MODELS.items():
        assert models_after[new]["db_table"] == models_before[old]["db_table"]
        assert models_after[new]["count"] == models_before[old]["count"], new
    for label, model in models_before.items():
        # A model added since has a content type and permissions of its own: those rows are
        # compared by id in the tests below.
        if label in GROWN_BY_NEW_MODELS:
            continue
        if label not in MOVED_MODELS and label in models_after:
            assert models_after[label]["count"] == model["count"], label


def test_revisions_and_translations_keep_their_content_types(moved):
    before, after = moved["before"], moved["after"]
    for key in ("revisions", "translatable_objects", "translation_sources"):
        assert after[key] == before[key], key


def test_permissions_keep_their_ids_on_the_renamed_types(moved):
    before, after = moved["before"], moved["after"]
    for pk, permission in before["permissions"].items():
        assert after["permissions"].get(pk) == permission, pk
    # Each moved model's add/change/delete/view permissions, on its renamed type.
    types = after["content_types"]
    for label in MOVED.values():
        codenames = {
            codename
            for codename, type_id in after["permissions"].values()
            if types[str(type_id)] == label
        }
        model = label.split(".")[1]
        assert {f"{action}_{model}" for action in ("add", "change", "delete", "view")} <= codenames
    assert after["group_permissions"] == before["group_permissions"]
    assert after["page_permissions"] == before["page_permissions"]


def test_irritants_keep_their_call_and_generations_their_values(moved):
    before, after = moved["before"], moved["after"]
    assert after["irritants"] == before["irritants"]
    assert any(call for _pk, call in after["irritants"])
    assert (before["generation_model"], after["generation_model"]) == (
        "pagecache.Generation",
        "home.Generation",
    )
    assert after["generations"] == before["generations"]


def test_nothing_left_to_migrate(moved):
    env = moved["env"]
    manage(env, ROOT, "migrate", "--noinput")
    manage(env, ROOT, "migrate", "--check")
    manage(env, ROOT, "makemigrations", "--check", "--dry-run")


def test_the_moves_can_be_undone(moved):
    """Next to last: it migrates the shared database back, the core first (today's code
    then creates empty types under the new labels in post_migrate: the rename back replaces
    them)."""
    before = moved["before"]
    targets = ("home:0002", "hub:zero", "irritants:0003", "territories:0007")
    undone = snapshot(
        moved["env"], ROOT, *(part for target in targets for part in ("--migrate", target)), "--raw"
    )
    # Each old id has its old label again. (Today's code then adds types of its own under
    # new ids, through territories' post_migrate: not compared.)
    for pk, label in before["content_types"].items():
        assert undone["content_types"][pk] == label, pk
    for pk, permission in before["permissions"].items():
        assert undone["permissions"][pk] == permission, pk
    assert undone["group_permissions"] == before["group_permissions"]
    assert undone["page_permissions"] == before["page_permissions"]
    assert changed_data(before["tables"], undone["tables"]) == {}


def test_moving_again_after_an_undo_keeps_every_page_type(moved):
    """Last: forward again, after the undo left empty types under the new labels (a rolling
    deploy does the same when the new code touches the database before `migrate`)."""
    manage(moved["env"], ROOT, "migrate", "--noinput")
    again = snapshot(moved["env"], ROOT)
    after = moved["after"]
    # territories/0014 names the tree's root « Réseau » on the way forward (the undo had
    # given it Wagtail's « Root » back): every other field of every page is as it was.
    assert again["pages"]["1"].pop("title") == "Réseau"
    assert after["pages"]["1"].pop("title") == "Root"
    assert again["pages"] == after["pages"]
    for pk, label in after["content_types"].items():
        assert again["content_types"][pk] == label, pk
    assert len(set(again["content_types"].values())) == len(again["content_types"])
