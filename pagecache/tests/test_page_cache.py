"""Anonymous visitors are served from the cache, and never anything stale."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from irritants.tests.helpers import open_call
from projects.models import NewsPage, ProjectIndexPage, ProjectPage
from territories.models import TerritorySettings

pytestmark = pytest.mark.django_db

VAR, HUB = "var.localhost", "localhost"


def get(client, path, host=VAR):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response


def cache_state(response):
    return response.get("X-Page-Cache")


def rsa():
    return ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")


# What shows the RSA project: its page, its territory's listing and home, the feeds, the
# hub's catalogue and API.
SHOWING_RSA = [
    (VAR, "/projets/rsa-en-ligne/"),
    (VAR, "/projets/"),
    (VAR, "/api/projects.json"),
    (HUB, "/catalogue/"),
    (HUB, "/api/projects.json"),
]


def test_the_second_anonymous_visit_is_served_from_the_cache(client):
    first = get(client, "/projets/rsa-en-ligne/")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/projets/rsa-en-ligne/")
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    # The generations, read once: no rendering, no site lookup.
    assert len(queries) == 1


def test_entries_are_per_host_path_query_string_and_language(client):
    get(client, "/actualites/")
    assert cache_state(get(client, "/actualites/?page=2")) == "miss"
    assert cache_state(get(client, "/en/actualites/")) == "miss"
    assert cache_state(get(client, "/", host="pau.localhost")) == "miss"
    english = get(client, "/en/actualites/")
    assert cache_state(english) == "hit"
    assert '<html lang="en">' in english.content.decode()


def test_publishing_refreshes_everything_that_shows_the_page_and_nothing_else(client):
    for host, path in SHOWING_RSA:
        get(client, path, host)
    get(client, "/projets/", host="pau.localhost")

    project = rsa()
    project.title = "RSA en ligne, deuxième version"
    project.save_revision().publish()

    for host, path in SHOWING_RSA:
        response = get(client, path, host)
        assert cache_state(response) == "miss", (host, path)
        assert "deuxième version" in response.content.decode(), (host, path)
    # Another territory's pages do not show it: they stay in the cache.
    assert cache_state(get(client, "/projets/", host="pau.localhost")) == "hit"


def test_a_draft_changes_nothing_public(client):
    get(client, "/projets/rsa-en-ligne/")
    project = rsa()
    project.title = "Brouillon"
    project.save_revision()
    response = get(client, "/projets/rsa-en-ligne/")
    assert cache_state(response) == "hit"
    assert "Brouillon" not in response.content.decode()


def test_unpublishing_removes_the_page_and_its_listing_entries(client):
    for host, path in SHOWING_RSA:
        get(client, path, host)

    rsa().unpublish()

    assert client.get("/projets/rsa-en-ligne/", HTTP_HOST=VAR).status_code == 404
    for host, path in SHOWING_RSA[1:]:
        assert "rsa-en-ligne" not in get(client, path, host).content.decode(), (host, path)


def test_moving_and_deleting_a_page_refresh_its_old_and_new_places(client):
    news = NewsPage.objects.filter(url_path__startswith="/var/", alias_of=None).first()
    get(client, "/actualites/")
    get(client, "/")
    get(client, news.url, VAR)

    news.delete()

    assert client.get(news.url, HTTP_HOST=VAR).status_code == 404
    assert f"/actualites/{news.slug}/" not in get(client, "/actualites/").content.decode()
    assert f"/actualites/{news.slug}/" not in get(client, "/").content.decode()

    # The "About" page moves from the territory's home into the projects' listing section.
    about = Page.objects.get(url_path="/var/a-propos/")
    get(client, "/")
    get(client, "/a-propos/")
    about.move(ProjectIndexPage.objects.get(url_path="/var/projets/"), pos="last-child")
    # Wagtail leaves a redirect where it was; the cached page is not served there any more.
    moved = client.get("/a-propos/", HTTP_HOST=VAR)
    assert (moved.status_code, moved["Location"]) == (
        301,
        "http://var.localhost:8000/projets/a-propos/",
    )
    assert cache_state(get(client, "/projets/a-propos/")) == "miss"


def test_changing_the_site_identity_refreshes_the_site_only(client):
    get(client, "/projets/")
    get(client, "/", host=HUB)

    settings = TerritorySettings.objects.get(site__hostname=VAR)
    settings.footer_text = "Un pied de page tout neuf"
    settings.save()

    response = get(client, "/projets/")
    assert cache_state(response) == "miss"
    assert "Un pied de page tout neuf" in response.content.decode()
    assert cache_state(get(client, "/", host=HUB)) == "hit"


def test_a_changed_site_is_looked_up_again(client):
    get(client, "/", host=VAR)
    site = Site.objects.get(hostname=VAR)
    site.hostname = "var.example.localhost"
    site.save()
    # The old host name now reaches the default site, the hub.
    response = get(client, "/", host=VAR)
    assert cache_state(response) == "miss"
    assert "Département du Var" not in response.content.decode().split("</title>")[0]


def sign_in(client, username):
    get_user_model().objects.create_superuser(username, password="mot-de-passe-long")
    response = client.post("/admin/login/", {"username": username, "password": "mot-de-passe-long"})
    assert response.status_code == 302


def test_an_editor_is_never_served_nor_stores_a_cached_page(client):
    get(client, "/projets/rsa-en-ligne/")
    editor = client.__class__()
    sign_in(editor, "editeur")

    response = get(editor, "/projets/rsa-en-ligne/")
    assert cache_state(response) is None
    # What the editor was shown is not what visitors get next.
    client.cookies.clear()
    get(editor, "/projets/")
    assert cache_state(get(client, "/projets/")) == "miss"


def test_the_call_form_is_never_cached_with_a_visitor_csrf_token(client):
    call = open_call()
    first = client.get(call.url, HTTP_HOST="pau.localhost")
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert cache_state(first) is None
    other = client.__class__()
    second = other.get(call.url, HTTP_HOST="pau.localhost")
    assert cache_state(second) is None
    assert second.cookies["csrftoken"].value != first.cookies["csrftoken"].value


def test_posts_and_pages_with_messages_are_not_served_from_the_cache(client):
    get(client, "/projets/")
    client.cookies["messages"] = "anything"
    assert cache_state(get(client, "/projets/")) is None
    client.cookies.clear()
    client.post("/projets/", HTTP_HOST=VAR)
    assert cache_state(client.post("/projets/", HTTP_HOST=VAR)) is None


def test_search_is_never_cached(client):
    # Its results come from the search index, which a rebuild changes without a page change.
    for path in ("/recherche/?q=rsa", "/en/recherche/?q=rsa"):
        get(client, path)
        assert cache_state(get(client, path)) is None
