"""Every index page tells search engines what it is: the page's own description when its
editors wrote one, otherwise a sentence naming the site (Lighthouse's SEO audit); and no form
posts to an empty address (the Nu HTML checker)."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings

from irritants.models import CallIndexPage
from projects.models import NewsIndexPage, ProjectIndexPage
from territories.models import TerritorySettings

pytestmark = pytest.mark.django_db

HUB = "localhost"
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
OG_DESCRIPTION = re.compile(r'<meta property="og:description" content="([^"]*)">')
INDEXES = {"/appels/": CallIndexPage, "/projets/": ProjectIndexPage, "/actualites/": NewsIndexPage}


def descriptions(client, path, host, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, path
    return [unescape(found) for found in DESCRIPTION.findall(response.content.decode())]


def name_of(site):
    return TerritorySettings.objects.get(site=site).display_name or site.root_page.title


@pytest.mark.parametrize("path", INDEXES)
def test_an_index_without_a_description_gets_one_naming_its_territory(client, var, pau, path):
    for territory in (var, pau):
        index = INDEXES[path].objects.descendant_of(territory.home).get(locale__language_code="fr")
        index.search_description = index.intro = ""
        index.save_revision().publish()
        [description] = descriptions(client, path, territory.site.hostname)
        assert name_of(territory.site) in description, description
        assert len(description) > 40
        # Link previews show the same sentence.
        html = client.get(path, HTTP_HOST=territory.site.hostname).content.decode()
        assert [unescape(found) for found in OG_DESCRIPTION.findall(html)] == [description]


@pytest.mark.parametrize("path", INDEXES)
def test_the_editors_description_wins(client, var, path):
    index = INDEXES[path].objects.descendant_of(var.home).get(locale__language_code="fr")
    index.search_description = "Ce que les équipes du Var construisent pour leurs agents."
    index.save_revision().publish()
    assert descriptions(client, path, var.site.hostname) == [index.search_description]


def test_the_english_index_names_the_site_in_english(client, var):
    [description] = descriptions(client, "/en/projets/", var.site.hostname)
    assert description and "{" not in description


@pytest.mark.parametrize(
    ("path", "params"),
    [("/catalogue/", {}), ("/catalogue/a-reutiliser/", {}), ("/recherche/", {"q": "aidants"})],
)
def test_the_hub_pages_and_the_search_have_one(client, path, params):
    from wagtail.models import Site

    hub = Site.objects.get(is_default_site=True)
    [description] = descriptions(client, path, HUB, **params)
    assert name_of(hub) in description


def test_the_search_page_keeps_out_of_search_engines(client, var):
    content = client.get("/recherche/", {"q": "aidants"}, HTTP_HOST=var.site.hostname)
    page = content.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    [description] = DESCRIPTION.findall(page)
    assert name_of(var.site) in unescape(description)


def test_the_catalogue_filters_submit_to_the_catalogue(client):
    for path in ("/catalogue/", "/en/catalogue/"):
        page = client.get(path, {"phase": "used"}, HTTP_HOST=HUB).content.decode()
        form = re.search(r'<form class="filters"[^>]*>', page).group(0)
        assert f'action="{path}"' in form


def test_no_template_has_a_form_with_an_empty_action():
    from django.apps import apps

    base = Path(settings.BASE_DIR)
    roots = [base / "templates"] + [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
    ]
    templates = [template for root in roots for template in root.glob("**/*.html")]
    assert len(templates) > 20
    offenders = [str(t.relative_to(base)) for t in templates if 'action=""' in t.read_text()]
    assert offenders == []
