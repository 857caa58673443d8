"""The hub's catalogue of every territory's projects, and the projects offered for reuse."""

import pytest

from hub.views import CATALOGUE_PER_PAGE
from projects.models import ProjectPage, Theme, UserType
from testing import make_project, make_territory

pytestmark = pytest.mark.django_db


def catalogue(client, query=""):
    response = client.get(f"/catalogue/{query}", HTTP_HOST="localhost")
    assert response.status_code == 200
    return response


def titles(response):
    return [project.title for project, _url, _territory in response.context["cards"]]


def test_the_catalogue_lists_every_territory_with_links_on_their_own_hosts(client):
    first, second = make_territory(), make_territory()
    projects = {first: make_project(first), second: make_project(second)}

    response = catalogue(client)
    # The French catalogue: the French pages (their English versions are in /en/catalogue/).
    french = ProjectPage.objects.live().filter(locale__language_code="fr")
    assert response.context["projects"].paginator.count == french.count()
    assert {first.slug, second.slug} <= {slug for slug, _home in response.context["territories"]}
    for territory, project in projects.items():
        cards = catalogue(client, f"?territory={territory.slug}").context["cards"]
        [(card, url, card_territory)] = cards
        assert (card, card_territory.pk) == (project, territory.home.pk)
        assert url == f"{territory.site.root_url}/projets/{project.slug}/"
    for _project, url, _territory in response.context["cards"]:
        assert f'href="{url}"' in response.content.decode()


def test_filters_narrow_the_catalogue(client):
    north, south = make_territory(), make_territory()
    theme = Theme.objects.create(name="Cantine scolaire", slug="cantine-scolaire")
    agents = UserType.objects.create(name="Agents d'accueil", slug="agents-d-accueil")
    make_project(north, "Carte de cantine", phase="operated", themes=[theme])
    make_project(north, "Menus en ligne", phase="construction", themes=[theme])
    make_project(north, "Accueil sans rendez-vous", phase="operated", user_types=[agents])
    make_project(south, "Cantine du sud", phase="operated", themes=[theme])

    def found(query):
        return set(titles(catalogue(client, query)))

    assert found(f"?territory={north.slug}") == {
        "Carte de cantine",
        "Menus en ligne",
        "Accueil sans rendez-vous",
    }
    assert found(f"?territory={north.slug}&phase=operated") == {
        "Carte de cantine",
        "Accueil sans rendez-vous",
    }
    assert found(f"?theme={theme.slug}") == {"Carte de cantine", "Menus en ligne", "Cantine du sud"}
    assert found(f"?theme={theme.slug}&territory={south.slug}") == {"Cantine du sud"}
    assert found(f"?user_type={agents.slug}&phase=operated") == {"Accueil sans rendez-vous"}
    assert found(f"?user_type={agents.slug}&phase=construction") == set()


def test_the_catalogue_paginates_and_keeps_its_filters_in_page_links(client):
    territory = make_territory()
    for number in range(CATALOGUE_PER_PAGE + 1):
        make_project(territory, f"Projet {number:02}")
    query = f"?territory={territory.slug}"

    response = catalogue(client, query)
    page = response.context["projects"]
    assert page.paginator.num_pages == 2 and len(titles(response)) == CATALOGUE_PER_PAGE
    assert f"{query}&amp;page=2" in response.content.decode()
    second = titles(catalogue(client, f"{query}&page=2"))
    assert second == [f"Projet {CATALOGUE_PER_PAGE:02}"]


def test_the_catalogue_is_the_hubs_only(client):
    territory = make_territory()
    assert client.get("/catalogue/", HTTP_HOST=territory.site.hostname).status_code == 404


def test_projects_to_reuse_are_those_their_publishers_offer(client):
    territory = make_territory()
    offered = make_project(territory, "Carte de cantine en ligne", shareable=True)
    kept = make_project(territory, "Projet gardé pour soi", shareable=False)

    response = client.get("/catalogue/a-reutiliser/", HTTP_HOST="localhost")

    shared = ProjectPage.objects.live().filter(shareable=True, locale__language_code="fr")
    assert set(titles(response)) == set(shared.values_list("title", flat=True))
    assert offered.title in titles(response) and kept.title not in titles(response)
    html = response.content.decode()
    assert f'action="/admin/reuse-project/{offered.pk}/"' in html
    assert f'action="/admin/reuse-project/{kept.pk}/"' not in html
    assert html.count("Réutiliser dans mon territoire") == shared.count()
