"""The "Territoires" admin screen: superusers list and open territories, nobody else."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.models import Territory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Département du Calvados",
    "slug": "calvados",
    "hostname": "calvados.localhost",
    "kind": "departement",
    "port": "8000",
}


def test_superusers_see_every_territory_with_its_figures(
    admin_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = admin_client.get("/admin/territories/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ajouter un territoire" in body
    for territory in Territory.objects.select_related("site"):
        assert territory.name.replace("'", "&#x27;") in body
        assert territory.site.hostname in body
    row = next(t for t in response.context["object_list"] if t.slug == "var")
    assert row.page_count == row.home.get_descendants(inclusive=True).count()
    assert row.last_published_at is not None


def test_the_list_costs_the_same_queries_with_more_territories(admin_client):
    with CaptureQueriesContext(connection) as before:
        admin_client.get("/admin/territories/")
    admin_client.post("/admin/territories/new/", FORM)
    with CaptureQueriesContext(connection) as after:
        admin_client.get("/admin/territories/")
    assert len(after) == len(before)


def test_a_superuser_opens_a_territory_from_the_form(admin_client):
    response = admin_client.post("/admin/territories/new/", FORM)

    assert response.status_code == 302
    territory = Territory.objects.get(slug="calvados")
    assert territory.site.hostname == "calvados.localhost"
    assert territory.editors.name == "Département du Calvados — Rédaction"
    listing = admin_client.get(response["Location"]).content.decode()
    assert "Territoire « Département du Calvados » ouvert" in listing


def test_bad_input_keeps_what_was_typed_and_says_what_to_fix(admin_client):
    territories = Territory.objects.count()
    response = admin_client.post(
        "/admin/territories/new/", {**FORM, "slug": "var", "hostname": "pas un hôte"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["slug"] == ["Un territoire utilise déjà l’identifiant « var »."]
    assert form.errors["hostname"] == ["« pas un hôte » n’est pas un nom d’hôte valide."]
    body = response.content.decode()
    assert 'value="Département du Calvados"' in body
    assert Territory.objects.count() == territories


def test_territory_editors_cannot_open_the_screen(client):
    editor = get_user_model().objects.create_user("redaction", password="x")
    editor.groups.add(Territory.objects.get(slug="var").editors)
    client.force_login(editor)

    for url in ("/admin/territories/", "/admin/territories/new/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "/admin/territories" not in response.get("Location", "")
    client.post("/admin/territories/new/", FORM)
    assert not Territory.objects.filter(slug="calvados").exists()
    menu = client.get("/admin/").content.decode()
    assert "/admin/territories/" not in menu


def test_nobody_edits_or_deletes_a_territory_here(admin_client):
    var = Territory.objects.get(slug="var")
    assert admin_client.get(f"/admin/territories/edit/{var.pk}/").status_code in (302, 403)
    admin_client.post(f"/admin/territories/delete/{var.pk}/")
    assert Territory.objects.filter(slug="var").exists()
