"""Opening a territory creates its whole site at once, or nothing at all."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site

from projects.models import CallIndexPage, NewsIndexPage, ProjectIndexPage, ResultsPage
from territories.models import TerritoryHomePage, TerritorySettings
from territories.services import TerritorySpec, create_territory

pytestmark = pytest.mark.django_db

CALVADOS = dict(
    name="Département du Calvados", slug="calvados", hostname="calvados.localhost", port=8000
)


def test_create_territory_opens_a_site_with_the_standard_sections(client):
    home = create_territory(TerritorySpec(**CALVADOS))

    site = Site.objects.get(hostname="calvados.localhost")
    assert site.root_page_id == home.pk
    assert TerritorySettings.objects.filter(site=site).exists()
    children = [page.specific_class for page in home.get_children().live()]
    assert children[:4] == [CallIndexPage, ProjectIndexPage, NewsIndexPage, ResultsPage]
    response = client.get("/", HTTP_HOST="calvados.localhost")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
    assert client.get("/projets/", HTTP_HOST="calvados.localhost").status_code == 200


@pytest.mark.parametrize(
    "change, field",
    [
        ({"slug": "var"}, "slug"),
        ({"slug": "Calva dos"}, "slug"),
        ({"hostname": "var.localhost"}, "hostname"),
        ({"hostname": "calvados_.localhost"}, "hostname"),
        ({"hostname": "-calvados.localhost"}, "hostname"),
        ({"name": "  "}, "name"),
        ({"kind": "canton"}, "kind"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_creates_nothing(change, field):
    pages, sites = Page.objects.count(), Site.objects.count()

    with pytest.raises(ValidationError) as error:
        create_territory(TerritorySpec(**{**CALVADOS, **change}))

    assert field in error.value.message_dict
    assert error.value.message_dict[field][0]
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)


def test_a_failure_half_way_leaves_nothing_behind(monkeypatch):
    pages, sites = Page.objects.count(), Site.objects.count()

    def failing_create(**kwargs):
        raise RuntimeError("settings table unavailable")

    monkeypatch.setattr(TerritorySettings.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        create_territory(TerritorySpec(**CALVADOS))

    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)
    assert not TerritoryHomePage.objects.filter(slug="calvados").exists()
