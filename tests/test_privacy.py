"""A view restriction (password, login, groups) on a page applies to the page in every
language, translations and aliases alike, to their descendants, and to every public surface
that shows them; adding, changing or removing one refreshes the caches that showed the page.

Finding 3 of issue 15, each bullet reproduced as a visitor would: « APA à domicile » (Var)
has a real English translation (/en/projets/home-care-allowance/), « RSA en ligne » only an
English alias (/en/projets/rsa-en-ligne/).
"""

import json
import threading
from datetime import date
from http.server import ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from pagecache.config import frontend_cache_backends
from pagecache.tests.test_frontend_cache import PurgeRecorder
from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectPage,
    TerritoryHighlight,
)
from territories.models import Territory, TerritoryHomePage

pytestmark = pytest.mark.django_db

VAR, HUB = "var.localhost", "localhost"
APA_FR = "/projets/apa-a-domicile/"
APA_EN = "/en/projets/home-care-allowance/"
RSA_EN = "/en/projets/rsa-en-ligne/"
APA_TEXTS = [
    "APA à domicile",
    "Home care allowance online",
    "apa-a-domicile",
    "home-care-allowance",
]
RSA_TEXTS = ["RSA en ligne", "rsa-en-ligne"]


def var_project(slug, language="fr"):
    french = ProjectPage.objects.get(slug=slug, url_path__startswith="/var/")
    if language == "fr":
        return french
    return french.get_translation(Locale.objects.get(language_code=language))


def restrict(page, kind=PageViewRestriction.PASSWORD):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name__startswith="Publication")[:1])
    return restriction


def html(client, path, host=VAR, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response.getvalue().decode()  # the CSV export is streamed


def shows_any(text, needles):
    return [needle for needle in needles if needle in text]


@pytest.fixture
def apa():
    return var_project("apa-a-domicile")


@pytest.fixture
def rsa():
    return var_project("rsa-en-ligne")


# -- the page itself, in every language --------------------------------------------------


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_a_restriction_on_the_french_page_protects_its_english_translation(client, apa, kind):
    assert "An online platform to apply" in html(client, APA_EN)

    restrict(apa, kind)

    for path in (APA_FR, APA_EN):
        response = client.get(path, HTTP_HOST=VAR)
        text = response.content.decode()
        assert "An online platform to apply" not in text, path
        assert "Une plateforme en ligne pour demander" not in text, path
        if kind == PageViewRestriction.PASSWORD:
            assert response.status_code == 200 and 'name="password"' in text, path
        else:
            assert response.status_code == 302, path


def test_a_restriction_on_the_english_translation_protects_the_french_page(client, apa):
    restrict(apa.get_translation(Locale.objects.get(language_code="en")))

    assert "Une plateforme en ligne pour demander" not in html(client, APA_FR)


def test_a_restriction_on_a_french_section_protects_the_english_pages_under_it(client, apa):
    restrict(apa.get_parent())

    assert "An online platform to apply" not in html(client, APA_EN)
    assert "Home care allowance online" not in html(client, "/en/")


def test_the_english_password_form_opens_the_english_page(client, apa):
    restrict(apa)
    form = html(client, APA_EN)
    action = form.split('action="')[1].split('"')[0]

    response = client.post(
        action, {"password": "secret", "return_url": APA_EN}, HTTP_HOST=VAR, follow=True
    )

    assert "An online platform to apply" in response.content.decode()


# -- listings, search, suggestions -------------------------------------------------------


def test_the_english_listings_leave_out_a_restricted_translation_and_alias(client, apa, rsa):
    restrict(apa)
    restrict(rsa)

    for host, path in [(VAR, "/en/projets/"), (VAR, "/en/"), (HUB, "/en/catalogue/")]:
        shown = shows_any(html(client, path, host), APA_TEXTS + RSA_TEXTS)
        assert shown == [], (host, path, shown)
    # Another project is still listed: the listings themselves work.
    assert "cde-informer-les-familles" in html(client, "/en/projets/")


def test_english_search_and_suggestions_leave_out_restricted_pages(client, apa, rsa):
    assert "home-care-allowance" in html(client, "/en/recherche/", q="allowance")
    assert "rsa-en-ligne" in html(client, "/en/recherche/", q="RSA")
    restrict(apa)
    restrict(rsa)

    assert "home-care-allowance" not in html(client, "/en/recherche/", q="allowance")
    assert "rsa-en-ligne" not in html(client, "/en/recherche/", q="RSA")
    for words in ("home", "rsa"):
        response = client.get("/en/recherche/suggestions/", {"q": words}, HTTP_HOST=VAR)
        titles = [result["url"] for result in json.loads(response.content)["results"]]
        assert not [url for url in titles if "home-care" in url or "rsa-en-ligne" in url]
    # On the hub too, network-wide.
    assert "rsa-en-ligne" not in html(client, "/en/recherche/", HUB, q="RSA")


def test_the_home_page_never_highlights_a_restricted_project(client, apa):
    home = TerritoryHomePage.objects.get(url_path="/var/")
    TerritoryHighlight.objects.create(page=home, project=apa, sort_order=0)
    assert "apa-a-domicile" in html(client, "/")

    restrict(apa)

    assert "apa-a-domicile" not in html(client, "/")


def test_a_restricted_english_translation_leaves_the_french_listings_too(client, apa):
    restrict(apa.get_translation(Locale.objects.get(language_code="en")))

    for host, path in [(VAR, "/projets/"), (VAR, "/"), (HUB, "/catalogue/"), (VAR, "/resultats/")]:
        assert "apa-a-domicile" not in html(client, path, host), (host, path)


def test_feeds_open_data_and_sitemap_leave_out_restricted_pages(client, apa, rsa):
    restrict(apa)
    restrict(rsa)

    for host, path in [
        (VAR, "/api/projects.json"),
        (VAR, "/en/api/projects.json"),
        (VAR, "/api/projects.csv"),
        (VAR, "/en/api/projects.csv"),
        (HUB, "/en/api/projects.json"),
        (VAR, "/sitemap.xml"),
    ]:
        shown = shows_any(html(client, path, host), APA_TEXTS + RSA_TEXTS)
        assert shown == [], (host, path, shown)
    # A restricted project's feed does not exist, in either language.
    for path in ("/flux/projets/rsa-en-ligne/rss.xml", "/en/flux/projets/rsa-en-ligne/rss.xml"):
        assert client.get(path, HTTP_HOST=VAR).status_code == 404, path
    # Every published project is counted in English too (translated or not), the restricted
    # ones in neither language.
    french = json.loads(html(client, "/api/territories.json"))["data"]
    english = json.loads(html(client, "/en/api/territories.json"))["data"]
    var = next(record for record in french if record["id"] == "var")
    assert var["projects_count"] == len(json.loads(html(client, "/api/projects.json", VAR))["data"])
    assert [r["projects_count"] for r in english] == [r["projects_count"] for r in french]


def test_restricted_news_leave_the_lists_feeds_and_project_pages(client, rsa):
    item = NewsPage.objects.get(slug="fin-de-pre-incubation", locale__language_code="fr")
    assert "fin-de-pre-incubation" in html(client, "/en/projets/rsa-en-ligne/")
    restrict(item)

    for host, path in [
        (VAR, "/actualites/"),
        (VAR, "/en/actualites/"),
        (VAR, "/en/"),
        (HUB, "/en/"),
        (VAR, "/projets/rsa-en-ligne/"),
        (VAR, RSA_EN),
        (VAR, "/flux/rss.xml"),
        (VAR, "/en/flux/rss.xml"),
        (HUB, "/en/flux/atom.xml"),
        (VAR, "/en/flux/projets/rsa-en-ligne/rss.xml"),
    ]:
        assert "fin-de-pre-incubation" not in html(client, path, host), (host, path)


def test_a_restricted_page_leaves_the_english_menu(client):
    about = Page.objects.get(url_path="/var/a-propos/")
    assert "/en/about/" in html(client, "/en/")
    restrict(about)

    assert "/en/about/" not in html(client, "/en/")


def test_a_restricted_project_is_no_longer_offered_for_reuse(client, apa):
    ProjectPage.objects.filter(translation_key=apa.translation_key).update(shareable=True)
    editor = get_user_model().objects.create_user(username="redaction-pau-privacy")
    editor.groups.add(Territory.objects.get(slug="pau").editors)
    client.force_login(editor)
    assert "APA à domicile" in client.get("/admin/reuse-project/").content.decode()
    restrict(apa.get_translation(Locale.objects.get(language_code="en")))

    assert "APA à domicile" not in client.get("/admin/reuse-project/").content.decode()
    assert client.get(f"/admin/reuse-project/{apa.pk}/").status_code == 404
    assert "apa-a-domicile" not in html(client, "/catalogue/a-reutiliser/", HUB)


def test_the_rule_costs_no_query_per_page(client, apa, django_assert_max_num_queries, settings):
    settings.PAGECACHE_ENABLED = False
    restrict(apa)
    restrict(var_project("rsa-en-ligne"))
    for host, path in [(VAR, "/en/projets/"), (HUB, "/en/catalogue/"), (VAR, APA_EN)]:
        client.get(path, HTTP_HOST=host)
        with django_assert_max_num_queries(15):
            client.get(path, HTTP_HOST=host)


def test_a_page_served_again_reads_no_restriction_until_one_changes(client, apa, settings):
    """The route a path leads to keeps the restrictions that apply to its page, under the
    site's generation: rendered every time (page cache off), a page asks for them once, and
    a restriction added or lifted on an ancestor, or on a translation, shows at once."""
    settings.PAGECACHE_ENABLED = False
    texts = {APA_FR: "pour demander plus simplement", APA_EN: "An online platform to apply"}
    section = apa.get_parent()
    english = apa.get_translation(Locale.objects.get(language_code="en"))
    for restricted in (section, english):
        for path, text in texts.items():
            assert text in html(client, path), path
            with CaptureQueriesContext(connection) as queries:
                assert text in html(client, path), path
            assert not [q for q in queries if "pageviewrestriction" in q["sql"]], path

        restriction = restrict(restricted)
        for path, text in texts.items():
            served = html(client, path)
            assert 'name="password"' in served and text not in served, (restricted, path)

        restriction.delete()
        for path, text in texts.items():
            assert text in html(client, path), (restricted, path)


def test_a_page_restrictions_are_found_by_id_not_by_a_join(apa):
    """Joined to the page table, the query was planned from the restrictions table's
    statistics, which PostgreSQL never refreshes for an empty table: after a first territory
    in preparation, every page served hashed the whole page table."""
    sql = str(apa.get_view_restrictions().query).upper()
    assert "JOIN" not in sql


# -- caches ------------------------------------------------------------------------------

SHOWING_APA = [
    (VAR, APA_FR),
    (VAR, APA_EN),
    (VAR, "/projets/"),
    (VAR, "/en/projets/"),
    (VAR, "/api/projects.json"),
    (VAR, "/sitemap.xml"),
    (HUB, "/catalogue/"),
    (HUB, "/en/catalogue/"),
    (HUB, "/api/projects.json"),
]


def warm(client):
    for host, path in SHOWING_APA:
        client.get(path, HTTP_HOST=host)
        assert client.get(path, HTTP_HOST=host)["X-Page-Cache"] == "hit", (host, path)


def test_restricting_a_page_refreshes_the_page_cache(client, apa):
    warm(client)

    restrict(apa)

    for host, path in SHOWING_APA:
        response = client.get(path, HTTP_HOST=host)
        assert response.get("X-Page-Cache") != "hit", (host, path)
        text = response.content.decode()
        shown = shows_any(text, ["pour demander plus simplement", "An online platform to apply"])
        assert shown == [], (host, path, shown)
    # The password form itself is never stored.
    assert client.get(APA_EN, HTTP_HOST=VAR).get("X-Page-Cache") is None


def test_changing_or_lifting_a_restriction_refreshes_the_page_cache(client, apa):
    restriction = restrict(apa, PageViewRestriction.LOGIN)
    warm_paths = [(VAR, "/projets/"), (HUB, "/catalogue/"), (VAR, "/en/projets/")]
    for host, path in warm_paths:
        client.get(path, HTTP_HOST=host)
        assert "apa-a-domicile" not in html(client, path, host)

    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "autre"
    restriction.save()
    for host, path in warm_paths:
        assert client.get(path, HTTP_HOST=host).get("X-Page-Cache") != "hit", (host, path)

    restriction.delete()
    for host, path in warm_paths:
        response = client.get(path, HTTP_HOST=host)
        assert response.get("X-Page-Cache") != "hit", (host, path)
        assert shows_any(response.content.decode(), ["apa-a-domicile", "home-care"]), (host, path)


@pytest.fixture
def proxy(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
        {"FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{server.server_port}"}
    )
    yield server
    server.shutdown()
    server.server_close()


def test_restricting_a_page_purges_the_frontend_cache_of_what_showed_it(proxy, apa):
    restriction = restrict(apa)

    var, hub = "var.localhost:8000", "localhost:8000"
    expected = {
        (var, APA_FR),
        (var, APA_EN),
        (var, "/projets/"),
        (var, "/en/projets/"),
        (var, "/"),
        (var, "/en/"),
        (var, "/flux/rss.xml"),
        (var, "/en/flux/rss.xml"),
        (var, "/api/projects.json"),
        (var, "/en/api/projects.json"),
        (var, "/sitemap.xml"),
        (hub, "/catalogue/"),
        (hub, "/en/catalogue/"),
        (hub, "/sitemap.xml"),
    }
    assert expected <= set(proxy.purged), sorted(expected - set(proxy.purged))
    assert not [host for host, _path in proxy.purged if host.startswith("pau.")]

    proxy.purged.clear()
    restriction.delete()
    assert expected <= set(proxy.purged), sorted(expected - set(proxy.purged))


def test_news_added_under_a_restricted_project_section_stay_private(client, rsa):
    # A page published after the restriction, in French: its English alias is private too.
    from wagtail_localize.synctree import create_aliases_for_new_page

    index = NewsIndexPage.objects.get(url_path="/var/actualites/")
    restrict(index)
    item = NewsPage(
        title="Nouvelle confidentielle",
        slug="nouvelle-confidentielle",
        date=date(2030, 1, 1),
        related_projects=[NewsPageProject(project=rsa)],
    )
    index.add_child(instance=item).save_revision().publish()
    create_aliases_for_new_page(item)

    for host, path in [
        (VAR, "/en/"),
        (HUB, "/en/"),
        (VAR, RSA_EN),
        (VAR, "/en/flux/rss.xml"),
        (VAR, "/en/recherche/?q=confidentielle"),
    ]:
        assert "nouvelle-confidentielle" not in html(client, path, host), (host, path)


def test_a_project_reused_from_a_restricted_one_does_not_name_it(client, apa, rsa):
    ProjectPage.objects.filter(pk=rsa.pk).update(reused_from=apa)
    assert "APA à domicile" in html(client, "/projets/rsa-en-ligne/")
    restrict(apa.get_translation(Locale.objects.get(language_code="en")))

    assert "APA à domicile" not in html(client, "/projets/rsa-en-ligne/")


def test_serving_and_listing_apply_the_same_rule(apa):
    """Wagtail's check before serving a page and the listings' subquery agree on every
    page of the network, with restrictions on a section, a translation and a French page."""
    from home.privacy import public

    english = Locale.objects.get(language_code="en")
    restrict(NewsIndexPage.objects.get(url_path="/pau/actualites/").get_translation(english))
    restrict(apa, PageViewRestriction.LOGIN)
    restrict(Page.objects.get(url_path="/grandest/a-propos/"))

    listed = set(public(Page.objects.all()).values_list("pk", flat=True))
    for page in Page.objects.filter(depth__gt=1).specific():
        served = not page.get_view_restrictions().exists()
        assert served == (page.pk in listed), page.url_path
    private = set(Page.objects.exclude(pk__in=listed).values_list("url_path", flat=True))
    assert {
        "/pau/actualites/",  # its English translation is restricted
        "/pau/actualites/gazette-et-meli-melo-continuent/",
        "/pau-1/actualites/gazette-et-meli-melo-continuent/",
        "/var-1/projets/home-care-allowance/",
        "/grandest-1/about/",
    } <= private
    assert "/pau/projets/" not in private and "/var/projets/rsa-en-ligne/" not in private
