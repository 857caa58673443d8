"""The public search: scoped to a territory's pages in one language, network-wide on the hub."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.operations import translate_object

from irritants.models import CallForIrritantsPage
from projects.models import NewsPage, ProjectPage, Theme
from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db

TERRITORIES = ["var", "pau", "grandest", "pasdecalais"]


def search(client, host, path="/recherche/", **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200
    return response


def found(response):
    return [result.page for result in response.context["search_results"]]


def titles(response):
    return [page.title for page in found(response)]


def home(slug, language="fr"):
    return TerritoryHomePage.objects.get(slug__startswith=slug, locale__language_code=language)


@pytest.mark.parametrize("slug", TERRITORIES)
def test_a_territory_search_only_returns_its_own_live_pages(client, slug):
    response = search(client, f"{slug}.localhost", q="irritants")

    pages = found(response)
    assert pages, "every demo territory has a call for irritants"
    territory = home(slug)
    assert all(page.path.startswith(territory.path) for page in pages)
    assert all(page.live and page.locale.language_code == "fr" for page in pages)


def test_var_never_finds_pau_s_composters_but_pau_does(client):
    assert titles(search(client, "var.localhost", q="composteurs")) == []
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="composteurs"))


def test_the_hub_searches_the_whole_network_and_names_each_result_s_territory(client):
    response = search(client, "localhost", q="irritants")

    results = list(response.context["search_results"])
    territories = {result.territory.slug for result in results if result.territory}
    assert len(territories) >= 2
    html = response.content.decode()
    for result in results:
        if result.territory:
            assert result.page.path.startswith(result.territory.path)
            assert result.territory.title.replace("'", "&#x27;") in html
    assert response.context["is_network"]
    assert "<h1>Rechercher dans tout le réseau</h1>" in html


def test_draft_and_unpublished_pages_are_not_found(client):
    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")
    project.title = "Brouillon confidentiel"
    project.save_revision()  # a draft: the live page keeps its title

    assert titles(search(client, "pau.localhost", q="confidentiel")) == []
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="Poubelles"))


def english_project():
    """An English version of Var's RSA project, published, with its parents.

    The English tree already holds an alias of it; wagtail-localize turns that alias into
    a translation, as "Translate this page" does in the admin.
    """
    english = Locale.objects.get(language_code="en")
    project = ProjectPage.objects.get(slug="rsa-en-ligne", locale__language_code="fr")
    translate_object(project, [english])
    copy = project.get_translation(english).specific
    copy.alias_of = None
    copy.title = "Online minimum income"
    copy.pitch = "Apply for the active solidarity income without queuing."
    copy.save_revision().publish()
    parent = copy.get_parent().specific
    if not parent.live:
        parent.save_revision().publish()
    return copy


def test_each_language_searches_its_own_pages(client):
    english_project()

    english = search(client, "var.localhost", "/en/recherche/", q="solidarity")
    # The demo's English pages may match too (Var's about page speaks of solidarity).
    assert titles(english)[0] == "Online minimum income"
    assert all(page.locale.language_code == "en" for page in found(english))
    assert titles(search(client, "var.localhost", q="solidarity")) == []
    # The French pages stay out of the English search, on the territory and on the hub.
    for host in ["var.localhost", "localhost"]:
        pages = found(search(client, host, "/en/recherche/", q="RSA"))
        assert pages and all(page.locale.language_code == "en" for page in pages)
    hub = search(client, "localhost", "/en/recherche/", q="income")
    assert "Online minimum income" in titles(hub)
    assert all(
        result.territory.locale.language_code == "en" for result in hub.context["search_results"]
    )
    assert titles(search(client, "pau.localhost", "/en/recherche/", q="income")) == []


def test_accents_do_not_matter(client):
    for query in ["équipe", "equipe", "EQUIPE", "Équipe"]:
        assert titles(search(client, "var.localhost", q=query)), query
    assert set(titles(search(client, "pau.localhost", q="meli melo"))) == set(
        titles(search(client, "pau.localhost", q="Méli-mélo"))
    )


def test_french_plurals_and_verb_forms_are_found(client):
    # PostgreSQL's french_unaccent configuration; on SQLite, the stems in the FTS5 index.
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="composteurs"))
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="composteur"))
    signaler = set(titles(search(client, "var.localhost", q="signaler")))
    assert signaler
    assert set(titles(search(client, "var.localhost", q="signalé"))) == signaler
    assert set(titles(search(client, "var.localhost", q="signalements"))) == signaler


def test_the_postgresql_backend_uses_the_french_configurations():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor != "postgresql":
        assert type(backend).__name__ == "SQLiteSearchBackend"
        return
    assert (backend.config, backend.autocomplete_config) == ("french_unaccent", "simple_unaccent")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Équipes signalé')::text")
        assert cursor.fetchone()[0] == "'equip':1 'signal':2"


def test_filters_narrow_by_type_phase_and_theme(client):
    everything = search(client, "localhost", q="usagers").context["outcome"].count
    for value, model in [
        ("project", ProjectPage),
        ("news", NewsPage),
        ("call", CallForIrritantsPage),
    ]:
        response = search(client, "localhost", q="usagers", type=value)
        pages = found(response)
        assert pages and all(isinstance(page, model) for page in pages)
        assert response.context["outcome"].count < everything

    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")
    by_phase = found(search(client, "localhost", q="Poubelles", phase=project.current_phase))
    assert project in by_phase
    assert all(page.current_phase == project.current_phase for page in by_phase)
    # "Poubelles" is also in a news title: the phase filter leaves only projects.
    assert NewsPage in {type(page) for page in found(search(client, "localhost", q="Poubelles"))}

    theme = project.themes.first()
    by_theme = found(search(client, "localhost", q="Poubelles", theme=theme.slug))
    assert by_theme and all(theme in page.themes.all() for page in by_theme)
    other_themes = Theme.objects.vocabulary().exclude(pk__in=[t.pk for t in project.themes.all()])
    for other in other_themes:
        assert project not in found(search(client, "localhost", q="Poubelles", theme=other.slug))


def test_excerpts_highlight_the_matched_words(client):
    response = search(client, "pau.localhost", q="composteurs")

    result = next(
        r for r in response.context["search_results"] if r.page.title == "Poubelles Battle"
    )
    assert "<mark>composteurs</mark>" in result.excerpt
    assert "<mark>composteurs</mark>" in response.content.decode()


def test_excerpts_escape_the_page_text():
    from search.query import parse
    from search.services import excerpt

    html = excerpt("Un <script>composteur</script> & des composteurs", parse("composteurs"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>composteurs</mark>" in html


def test_results_are_counted_and_paginated_keeping_the_filters(client):
    first = search(client, "localhost", q="projet")
    count = first.context["outcome"].count
    assert count > 10, "the demo network has more than ten pages about projects"
    html = first.content.decode()
    assert f"{count} résultats pour « projet »" in html
    assert len(found(first)) == 10
    assert 'href="?q=projet&amp;page=2"' in html

    second = search(client, "localhost", q="projet", page=2)
    assert not set(found(first)) & set(found(second))


def test_the_next_page_keeps_the_filters(client):
    news_index = Page.objects.get(url_path="/var/actualites/")
    for number in range(11):
        news = news_index.add_child(
            instance=NewsPage(title=f"Lombricompostage, épisode {number}", slug=f"lombric-{number}")
        )
        news.save_revision().publish()

    response = search(client, "var.localhost", q="lombricompostage", type="news")

    assert response.context["outcome"].count == 11
    assert 'href="?q=lombricompostage&amp;type=news&amp;page=2"' in response.content.decode()
    second = search(client, "var.localhost", q="lombricompostage", type="news", page=2)
    assert len(found(second)) == 1


def test_no_result_offers_searches_that_find_something(client):
    response = search(client, "var.localhost", q="composteurs")

    html = response.content.decode()
    assert "0 résultat pour « composteurs »" in html
    assert "Aucun résultat" in html
    network = next(s for s in response.context["outcome"].suggestions if "réseau" in s.label)
    assert network.url.startswith("http://localhost:8000/recherche/?q=composteurs")
    assert network.count >= 1


def test_no_result_with_filters_or_several_words_suggests_fewer(client):
    response = search(client, "pau.localhost", q="composteurs xylophone", type="call")

    suggestions = {s.label: s for s in response.context["outcome"].suggestions}
    assert "xylophone" not in suggestions  # a word that finds nothing is not offered
    relaxed = search(client, "pau.localhost", q="composteurs", type="call")
    assert found(relaxed) == [] and relaxed.context["outcome"].suggestions
    assert any("sans les filtres" in label for label in map(str, suggestions)) is False
    no_filter = {str(s.label): s for s in relaxed.context["outcome"].suggestions}
    assert no_filter["Les mêmes mots, sans les filtres"].url == "/recherche/?q=composteurs"


def test_each_word_offered_counts_what_it_finds_alone(client):
    """PostgreSQL counts the words in one query: the same counts as a search for each."""
    response = search(client, "var.localhost", q="projet usagers xylophone", type="project")

    assert found(response) == []
    offered = {str(s.label): s.count for s in response.context["outcome"].suggestions}
    for word in ("projet", "usagers"):
        alone = search(client, "var.localhost", q=word, type="project")
        assert offered[word] == alone.context["outcome"].count > 0, word
    assert "xylophone" not in offered


def test_autocomplete_suggests_titles_of_the_site_as_json(client):
    response = client.get("/recherche/suggestions/", {"q": "poubel"}, HTTP_HOST="pau.localhost")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    project = next(r for r in data["results"] if r["title"] == "Poubelles Battle")
    assert project == {
        "title": "Poubelles Battle",
        "language": "fr",
        "url": "/projets/poubelles-battle/",
        "type": "projet",
        "territory": None,
        "territory_language": None,
    }
    assert all(r["title"].startswith("Poubelles") for r in data["results"])
    var = client.get("/recherche/suggestions/", {"q": "poubel"}, HTTP_HOST="var.localhost")
    assert json.loads(var.content)["results"] == []


def test_autocomplete_on_the_hub_names_the_territory_and_ignores_accents(client):
    response = client.get("/recherche/suggestions/", {"q": "meli"}, HTTP_HOST="localhost")

    results = json.loads(response.content)["results"]
    melo = next(r for r in results if r["title"] == "Méli-mélo")
    assert melo["territory"] == home("pau").title
    assert melo["url"] == "http://pau.localhost:8000/projets/meli-melo/"


def test_an_english_suggestion_says_which_titles_are_still_french(client):
    response = client.get("/en/recherche/suggestions/", {"q": "meli"}, HTTP_HOST="localhost")

    melo = next(r for r in json.loads(response.content)["results"] if r["title"] == "Méli-mélo")
    # An alias of the French page, and Pau's English home is translated.
    assert (melo["language"], melo["territory_language"]) == ("fr", "en")
    response = client.get("/en/recherche/suggestions/", {"q": "home"}, HTTP_HOST="var.localhost")
    translated = next(r for r in json.loads(response.content)["results"] if "home-care" in r["url"])
    assert translated["language"] == "en"


def test_the_page_works_without_javascript_and_labels_every_field(client):
    html = search(client, "var.localhost", q="irritants").content.decode()

    assert html.count("<h1") == 1
    assert '<form role="search" method="get" action="/recherche/"' in html
    for field_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'<label for="{field_id}"' in html, field_id
    # The only script is an external file, loaded as an enhancement.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/search/autocomplete.js" defer>'
    ]


def test_every_page_s_header_box_asks_its_own_site_and_language_for_suggestions(client):
    for path, address in (("/", "/recherche/suggestions/"), ("/en/", "/en/recherche/suggestions/")):
        html = client.get(path, HTTP_HOST="var.localhost").content.decode()
        box = re.search(r'<input id="site-search-q"[^>]*>', html).group()
        assert f'data-autocomplete-url="{address}"' in box
        # Once per page, deferred: the search page's box uses the same script.
        assert html.count("search/autocomplete.js") == 1
        assert '<script src="/static/search/autocomplete.js" defer>' in html

    def suggested(address):
        response = client.get(address, {"q": "home care"}, HTTP_HOST="var.localhost")
        return [result["url"] for result in json.loads(response.content)["results"]]

    assert any(
        "/en/" in url and "home-care" in url for url in suggested("/en/recherche/suggestions/")
    )
    assert not any("home-care" in url for url in suggested("/recherche/suggestions/"))


def test_the_search_page_costs_the_same_queries_however_many_results(client):
    def queries(q):
        search(client, "localhost", q=q)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            response = search(client, "localhost", q=q)
        pages = found(response)
        return len(captured), len(pages), len({type(page) for page in pages})

    few, few_found, few_types = queries("composteurs")
    many, many_found, many_types = queries("projet")
    assert few_found < many_found == 10
    # Beyond a fixed base, one query per page type shown (for its own fields), never per page.
    assert many - few == many_types - few_types


def test_unpublishing_in_the_admin_removes_the_page_from_the_search(admin_client, client):
    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")

    response = admin_client.post(f"/admin/pages/{project.pk}/unpublish/", HTTP_HOST="localhost")
    assert response.status_code == 302
    assert "Poubelles Battle" not in titles(search(client, "pau.localhost", q="composteurs"))

    project.refresh_from_db()
    project.get_latest_revision().publish()
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="composteurs"))


def test_the_index_follows_publication_edits(client):
    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")
    project.pitch = "Des lombricomposteurs au pied des immeubles."
    project.save_revision().publish()

    assert titles(search(client, "pau.localhost", q="lombricomposteurs")) == ["Poubelles Battle"]


def test_a_moved_page_is_found_on_its_new_site_only(client):
    news = NewsPage.objects.descendant_of(home("pau")).get(
        slug="poubelles-battle-communes-voisines"
    )
    var_news = Page.objects.get(url_path="/var/actualites/")

    news.move(var_news, pos="last-child")

    assert news.title in titles(search(client, "var.localhost", q="agglomération"))
    assert news.title not in titles(search(client, "pau.localhost", q="agglomération"))


def test_a_deleted_page_leaves_the_index(client):
    from wagtail.search.models import IndexEntry

    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")
    pk = str(project.pk)
    assert IndexEntry.objects.filter(object_id=pk).exists()

    project.delete()

    assert not IndexEntry.objects.filter(object_id=pk).exists()
    assert "Poubelles Battle" not in titles(search(client, "pau.localhost", q="Poubelles"))


def test_private_pages_are_not_found(client):
    from wagtail.models import PageViewRestriction

    project = ProjectPage.objects.get(slug="poubelles-battle", locale__language_code="fr")
    PageViewRestriction.objects.create(page=project, restriction_type="password", password="x")

    assert "Poubelles Battle" not in titles(search(client, "pau.localhost", q="composteurs"))
    response = client.get("/recherche/suggestions/", {"q": "poubel"}, HTTP_HOST="pau.localhost")
    assert "Poubelles Battle" not in [r["title"] for r in json.loads(response.content)["results"]]


def test_an_archived_territory_s_search_is_gone(client):
    from territories.models import Territory
    from territories.services import archive_territory

    archive_territory(Territory.objects.get(slug="pau"))

    # 410, as every address of an archived site (territories/preparation.py).
    assert client.get("/recherche/", {"q": "x"}, HTTP_HOST="pau.localhost").status_code == 410
    response = client.get("/recherche/suggestions/", {"q": "po"}, HTTP_HOST="pau.localhost")
    assert response.status_code == 410
    assert "Poubelles Battle" not in titles(search(client, "localhost", q="composteurs"))


def test_quoted_words_are_found_in_that_order(client):
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q='"Poubelles Battle"'))
    assert titles(search(client, "pau.localhost", q='"Battle Poubelles"')) == []


def test_small_common_words_do_not_hide_the_results(client):
    # PostgreSQL ignores French stop words; FTS5 finds them in the text like any word.
    assert "Poubelles Battle" in titles(search(client, "pau.localhost", q="les composteurs"))
