"""The "Territoires" admin screen: superusers list and open territories, nobody else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.models import Territory
from testing import make_project, make_territory, make_user

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
    territory = make_territory()
    make_project(territory)
    with django_assert_max_num_queries(30):
        response = admin_client.get("/admin/territories/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ajouter un territoire" in body
    for territory in Territory.objects.select_related("site"):
        assert territory.name.replace("'", "&#x27;") in body
        assert territory.site.hostname in body
    row = next(t for t in response.context["object_list"] if t.slug == territory.slug)
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


def test_territory_editors_cannot_open_the_screen(client):
    client.force_login(make_user(make_territory(), "editor"))

    for url in ("/admin/territories/", "/admin/territories/new/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "/admin/territories" not in response.get("Location", "")
    client.post("/admin/territories/new/", FORM)
    assert not Territory.objects.filter(slug="calvados").exists()
    menu = client.get("/admin/").content.decode()
    assert "/admin/territories/" not in menu


def test_nobody_edits_or_deletes_a_territory_here(admin_client):
    territory = make_territory()
    assert admin_client.get(f"/admin/territories/edit/{territory.pk}/").status_code in (302, 403)
    admin_client.post(f"/admin/territories/delete/{territory.pk}/")
    assert Territory.objects.filter(pk=territory.pk).exists()
