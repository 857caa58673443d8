"""French words on every database backend: stems in SQLite's index, what the page promises,
and what a search that finds nothing proposes instead."""

import pytest
from django.db import connection
from django.test import override_settings
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from projects.models import NewsPage, ProjectPage
from search import services
from search.query import stemmed_text

pytestmark = pytest.mark.django_db


def titles(client, host, **params):
    response = client.get("/recherche/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return [result.page.title for result in response.context["search_results"]]


def test_plurals_and_verb_forms_find_what_the_singular_finds(client):
    singular = titles(client, "localhost", q="allocation")
    assert titles(client, "localhost", q="allocations") == singular
    assert "APA à domicile" in titles(client, "localhost", q="allocations")
    assert "Accueil téléphonique des UTS" in titles(client, "localhost", q="téléphoniques")
    assert "Poubelles Battle" in titles(client, "localhost", q="composteur")
    assert titles(client, "localhost", q="signalements")


def test_a_page_published_now_is_found_by_another_form_of_its_words(client):
    news_index = Page.objects.get(url_path="/var/actualites/")
    news = news_index.add_child(
        instance=NewsPage(title="Les lombricomposteurs arrivent", slug="lombricomposteurs")
    )
    news.save_revision().publish()

    assert titles(client, "var.localhost", q="lombricomposteur") == [news.title]
    # Editing the title again replaces the indexed stems, not only the text.
    news.title = "Les jardinières partagées arrivent"
    news.save_revision().publish()
    assert titles(client, "var.localhost", q="lombricomposteur") == []
    assert titles(client, "var.localhost", q="jardinière partagée") == [news.title]


def test_the_rebuilt_index_keeps_the_stems(client):
    services.rebuild_index()

    assert "APA à domicile" in titles(client, "localhost", q="allocations")
    assert "Poubelles Battle" in titles(client, "localhost", q="composteur")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_sqlite_s_full_text_table_holds_the_stems_and_the_entries_the_text():
    services.rebuild_index()
    project = ProjectPage.objects.get(slug="apa-a-domicile", locale__language_code="fr")
    entry = IndexEntry.objects.get(
        object_id=str(project.pk), content_type_id=project.content_type_id
    )
    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, body FROM {table} WHERE rowid = %s", [entry.pk])  # noqa: S608
        title, body = cursor.fetchone()

    # Wagtail rewrites every entry's title_norm after a rebuild: the stems stay.
    assert (title, body) == (stemmed_text(entry.title), stemmed_text(entry.body))
    assert "allocation personnalisée" in entry.body  # the excerpts' text, as written
    assert "alloc personnalis" in body


def test_the_page_says_what_the_backend_finds(client):
    html = client.get("/recherche/", HTTP_HOST="var.localhost").content.decode()
    assert services.stems_verb_forms()
    assert "conjugaison" in html or "verb forms" in html
    external = {"default": {"BACKEND": "modelsearch.backends.elasticsearch9"}}
    with override_settings(WAGTAILSEARCH_BACKENDS=external):
        assert not services.stems_verb_forms()


def test_a_search_that_finds_nothing_proposes_the_site_s_frequent_themes(client):
    response = client.get("/recherche/", {"q": "xylophone"}, HTTP_HOST="pau.localhost")

    outcome = response.context["outcome"]
    assert outcome.count == 0
    assert 1 <= len(outcome.theme_suggestions) <= services.MAX_THEME_SUGGESTIONS
    pau_themes = set(
        ProjectPage.objects.live()
        .filter(url_path__startswith="/pau/", locale__language_code="fr")
        .values_list("themes__name", flat=True)
    )
    html = response.content.decode()
    for suggestion in outcome.theme_suggestions:
        assert suggestion.label in pau_themes
        assert f'href="{suggestion.url.replace("&", "&amp;")}"' in html
        # Each one leads to the projects it counted.
        followed = client.get(suggestion.url, HTTP_HOST="pau.localhost")
        assert followed.context["outcome"].count == suggestion.count >= 1
        pages = [result.page for result in followed.context["search_results"]]
        assert all(isinstance(page, ProjectPage) for page in pages)
        assert all(page.url_path.startswith("/pau/") for page in pages)


def test_the_proposed_themes_follow_a_publication(client, django_assert_max_num_queries):
    """Computed once per generation of the site: never stale after a change."""

    def proposed():
        response = client.get("/recherche/", {"q": "xylophone"}, HTTP_HOST="pau.localhost")
        return [suggestion.label for suggestion in response.context["outcome"].theme_suggestions]

    first = proposed()
    # The search, its other suggestions and the form's themes; not the themes proposed and their
    # counts (four queries more), which come from the cache.
    with django_assert_max_num_queries(10):
        assert proposed() == first
    # The projects of the first theme withdrawn: it is proposed no more.
    for project in ProjectPage.objects.live().filter(
        url_path__startswith="/pau/", themes__name=first[0]
    ):
        project.unpublish()

    assert first[0] not in proposed()


def test_a_search_that_finds_something_proposes_nothing(client):
    response = client.get("/recherche/", {"q": "composteurs"}, HTTP_HOST="pau.localhost")

    assert response.context["outcome"].theme_suggestions == []


def test_excerpts_do_not_show_a_heading_s_level(client):
    response = client.get("/recherche/", {"q": "pré-incubation"}, HTTP_HOST="var.localhost")

    excerpts = [str(result.excerpt) for result in response.context["search_results"]]
    assert any("<mark>" in excerpt for excerpt in excerpts)
    assert not [excerpt for excerpt in excerpts if "Niveau" in excerpt]
    assert not IndexEntry.objects.filter(body__contains="Niveau 2").exists()
