"""The hub's catalogue of every territory's projects, and the projects offered for reuse."""

import re

import pytest

from hub.views import CATALOGUE_PER_PAGE
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def catalogue(client, query=""):
    response = client.get(f"/catalogue/{query}", HTTP_HOST="localhost")
    assert response.status_code == 200
    return response


def titles(response):
    return [project.title for project, _url, _territory in response.context["cards"]]


def test_the_catalogue_lists_every_territory_with_links_on_their_own_hosts(client):
    response = catalogue(client)
    cards = response.context["cards"]
    # The French catalogue: the French pages (their English versions are in /en/catalogue/).
    french = ProjectPage.objects.live().filter(locale__language_code="fr")
    assert response.context["projects"].paginator.count == french.count()
    for project, url, territory in cards:
        assert url == f"http://{territory.slug}.localhost:8000/projets/{project.slug}/"
        assert f'href="{url}"' in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?territory=pasdecalais", {"Lapins", "Partage de matériel entre services"}),
        ("?phase=operated", {"Lapins", "RSA en ligne", "Méli-mélo"}),
        ("?theme=autonomie&territory=var", {"APA à domicile"}),
        ("?user_type=agents&phase=operated", {"Lapins"}),
    ],
)
def test_filters_narrow_the_catalogue(client, query, expected):
    assert set(titles(catalogue(client, query))) == expected


def test_unknown_filters_and_bad_page_numbers_never_fail(client):
    everything = catalogue(client).context["projects"].paginator.count
    assert catalogue(client, "?phase=nope&theme=<script>").context["projects"].paginator.count == (
        everything
    )
    assert catalogue(client, "?page=abc").context["projects"].number == 1
    last = catalogue(client, "?page=999").context["projects"]
    assert last.number == last.paginator.num_pages


def test_the_catalogue_paginates_and_keeps_its_filters_in_page_links(client):
    index = ProjectPage.objects.get(slug="lapins").get_parent()
    for number in range(CATALOGUE_PER_PAGE + 1):
        index.add_child(
            instance=ProjectPage(
                title=f"Projet {number:02}",
                slug=f"projet-{number}",
                pitch="Un projet de plus.",
                problem="<p>Un problème.</p>",
                solution="<p>Une solution.</p>",
            )
        ).save_revision().publish()
    response = catalogue(client, "?territory=pasdecalais")
    page = response.context["projects"]
    assert page.paginator.num_pages == 2 and len(titles(response)) == CATALOGUE_PER_PAGE
    assert "?territory=pasdecalais&amp;page=2" in response.content.decode()
    second = titles(catalogue(client, "?territory=pasdecalais&page=2"))
    # Two demo projects and thirteen new ones: twelve on the first page, three on the second.
    assert len(second) == 3 and not set(second) & set(titles(response))


def test_the_catalogue_is_the_hubs_only(client):
    assert client.get("/catalogue/", HTTP_HOST="var.localhost").status_code == 404


def test_projects_to_reuse_are_those_their_publishers_offer(client):
    response = client.get("/catalogue/a-reutiliser/", HTTP_HOST="localhost")
    offered = ProjectPage.objects.live().filter(shareable=True, locale__language_code="fr")
    shared = set(offered.values_list("title", flat=True))
    assert set(titles(response)) == shared
    assert "CDE" not in " ".join(shared)
    html = response.content.decode()
    lapins = ProjectPage.objects.get(slug="lapins")
    assert f'action="/admin/reuse-project/{lapins.pk}/"' in html
    assert len(re.findall("Réutiliser dans mon territoire", html)) == len(shared)
