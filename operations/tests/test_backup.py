"""A backup restores into an empty database and finds everything identical.

Runs on its own throwaway databases (SQLite files, or databases created on the PostgreSQL
server of DATABASE_URL), through the real commands, never on the test database.
"""

import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import dj_database_url
import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPARED = [
    "wagtailcore.page",
    "wagtailcore.revision",
    "wagtailimages.image",
    "wagtaildocs.document",
    "irritants.irritant",
    "irritants.statuschange",
    "irritants.irritantattachment",
]

ADD_MEDIA = """
import io
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from irritants.models import Irritant, IrritantAttachment
from territories.models import Territory
from django.utils import timezone
buffer = io.BytesIO(); PILImage.new("RGB", (16, 16), "teal").save(buffer, "PNG")
var = Territory.objects.get(slug="var")
Image.objects.create(title="Sauvegarde", file=ContentFile(buffer.getvalue(), "s.png"),
                     collection=var.collection)
Document.objects.create(title="Sauvegarde", file=ContentFile(b"%PDF-1.4 s", "s.pdf"),
                        collection=var.collection)
irritant = Irritant.objects.create(territory=var, title="Sauvegardé", problem="p",
    consequences="c", people_affected="a", service="s", submitter_name="n",
    submitter_email="n@example.org", submitter_service="s", consent_at=timezone.now())
IrritantAttachment.objects.create(irritant=irritant,
                                  file=ContentFile(b"%PDF-1.4 piece", "piece.pdf"))
"""


class Environment:
    """One database and its file folders, as a deployment would have them."""

    def __init__(self, folder, database_url):
        self.folder = folder
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(folder / "media"),
            "IRRITANTS_PRIVATE_ROOT": str(folder / "private"),
        }

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            capture_output=True,
            text=True,
        )
        return result

    def dump(self):
        result = self.manage("dumpdata", *COMPARED, "--indent", "0")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def files(self):
        return {
            str(path.relative_to(self.folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in self.folder.rglob("*")
            if path.is_file() and path.suffix != ".sqlite3"
        }


@pytest.fixture
def database_urls(tmp_path):
    """Two empty databases of the kind the suite runs on."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield [f"sqlite:///{tmp_path / name / 'db.sqlite3'}" for name in ("source", "target")]
        return
    config = dj_database_url.parse(url)
    names = [f"backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "target")]
    server = psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    for name in names:
        server.execute(f'CREATE DATABASE "{name}"')
    yield [url.rsplit("/", 1)[0] + "/" + name for name in names]
    for name in names:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server.close()


def test_a_backup_restores_everything_identical(tmp_path, database_urls):
    source = Environment(tmp_path / "source", database_urls[0])
    target = Environment(tmp_path / "target", database_urls[1])
    for folder in (source.folder, target.folder):
        folder.mkdir(exist_ok=True)
    for command in (["migrate", "--noinput"], ["load_demo"], ["shell", "-c", ADD_MEDIA]):
        result = source.manage(*command)
        assert result.returncode == 0, result.stderr

    backup = tmp_path / "backup"
    result = source.manage("backup", str(backup))
    assert result.returncode == 0, result.stderr
    assert "1 irritants" in result.stdout or "irritants" in result.stdout

    result = target.manage("restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert "Restored and checked" in result.stdout

    assert target.dump() == source.dump()
    assert target.files() == source.files()
    assert any(name.startswith("private/") for name in source.files())
    assert any(name.startswith("media/original_images/") for name in source.files())

    # A second restore is refused: the database is no longer empty.
    result = target.manage("restore", str(backup))
    assert result.returncode != 0
    assert "not empty" in result.stderr
