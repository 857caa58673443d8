"""Archiving takes a territory offline without losing anything; restoring brings it back."""

import pytest
from django.core.management import CommandError, call_command

from testing import make_project, make_territory

pytestmark = pytest.mark.django_db


def snapshot(territory):
    """What citizens see: every live page with its published content."""
    return {
        page.pk: (page.title, page.url_path, page.live_revision_id)
        for page in territory.pages().live()
    }


def test_archive_then_restore_brings_back_exactly_what_was_online(client):
    territory = make_territory()
    host = territory.site.hostname
    draft_page = make_project(territory)
    before = snapshot(territory)
    pages = territory.pages().count()
    draft_page.title = "Brouillon jamais publié"
    draft_page.save_revision()
    assert client.get("/projets/", HTTP_HOST=host).status_code == 200
    assert territory.name in client.get("/", HTTP_HOST="localhost").content.decode()

    call_command("archive_territory", territory.slug)
    territory.refresh_from_db()

    assert territory.is_archived
    assert not territory.pages().live().exists()
    assert territory.pages().count() == pages
    for path in ("/", "/projets/", "/en/"):
        assert client.get(path, HTTP_HOST=host).status_code == 404
    hub = client.get("/", HTTP_HOST="localhost").content.decode()
    assert territory.name not in hub

    call_command("archive_territory", territory.slug, "--restore")
    territory.refresh_from_db()

    assert not territory.is_archived
    assert snapshot(territory) == before
    assert territory.pages().count() == pages
    # The draft written before archiving is still a draft, not published by the restore.
    draft_page.refresh_from_db()
    assert draft_page.title != "Brouillon jamais publié"
    assert draft_page.has_unpublished_changes
    assert client.get("/projets/", HTTP_HOST=host).status_code == 200


def test_archiving_twice_or_restoring_a_live_territory_is_refused():
    slug = make_territory().slug
    with pytest.raises(CommandError, match="n’est pas archivé"):
        call_command("archive_territory", slug, "--restore")
    call_command("archive_territory", slug)
    with pytest.raises(CommandError, match="déjà archivé"):
        call_command("archive_territory", slug)


def test_create_territory_command_reports_what_it_opened(capsys):
    call_command(
        "create_territory",
        "--name",
        "Département du Calvados",
        "--slug",
        "calvados",
        "--hostname",
        "calvados.localhost",
        "--port",
        "8000",
    )
    out = capsys.readouterr().out
    assert "Territoire « Département du Calvados » ouvert." in out
    assert "http://calvados.localhost:8000/" in out
    assert "Département du Calvados — Publication" in out
