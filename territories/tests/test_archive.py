"""Archiving takes a territory offline without losing anything; restoring brings it back."""

import pytest
from django.core.management import CommandError, call_command

from territories.models import Territory

pytestmark = pytest.mark.django_db


def snapshot(territory):
    """What citizens see: every live page with its published content."""
    return {
        page.pk: (page.title, page.url_path, page.live_revision_id)
        for page in territory.pages().live()
    }


def test_archive_then_restore_brings_back_exactly_what_was_online(client):
    var = Territory.objects.get(slug="var")
    before = snapshot(var)
    pages = var.pages().count()
    draft_page = var.pages().live().filter(depth=4).first().specific
    draft_page.title = "Brouillon jamais publié"
    draft_page.save_revision()
    assert client.get("/projets/", HTTP_HOST="var.localhost").status_code == 200

    call_command("archive_territory", "var")
    var.refresh_from_db()

    assert var.is_archived
    assert not var.pages().live().exists()
    assert var.pages().count() == pages
    for path in ("/", "/projets/", "/en/"):
        assert client.get(path, HTTP_HOST="var.localhost").status_code == 404
    hub = client.get("/", HTTP_HOST="localhost").content.decode()
    assert "Département du Var" not in hub

    call_command("archive_territory", "var", "--restore")
    var.refresh_from_db()

    assert not var.is_archived
    assert snapshot(var) == before
    assert var.pages().count() == pages
    # The draft written before archiving is still a draft, not published by the restore.
    draft_page.refresh_from_db()
    assert draft_page.title != "Brouillon jamais publié"
    assert draft_page.has_unpublished_changes
    assert client.get("/projets/", HTTP_HOST="var.localhost").status_code == 200


def test_archiving_twice_or_restoring_a_live_territory_is_refused():
    with pytest.raises(CommandError, match="n’est pas archivé"):
        call_command("archive_territory", "var", "--restore")
    call_command("archive_territory", "var")
    with pytest.raises(CommandError, match="déjà archivé"):
        call_command("archive_territory", "var")


def test_an_unknown_slug_lists_the_known_ones():
    with pytest.raises(CommandError, match="Identifiants connus : .*var"):
        call_command("archive_territory", "calvados")


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


def test_create_territory_command_names_each_bad_option():
    with pytest.raises(CommandError) as error:
        call_command("create_territory", "--name", "Calvados", "--slug", "var", "--hostname", "x_y")
    message = str(error.value)
    assert "--slug: Un territoire utilise déjà l’identifiant « var »." in message
    assert "--hostname: « x_y » n’est pas un nom d’hôte valide." in message
    assert not Territory.objects.filter(name="Calvados").exists()
