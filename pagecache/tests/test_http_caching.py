"""Browsers and proxies keep a page only as long as a publication can reach them: they ask
again each time, and an unchanged page is answered with a 304."""

import pytest

from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

VAR, HUB = "var.localhost", "localhost"
PROJECT = "/projets/rsa-en-ligne/"
# A page, a listing, the feeds and the open data: what a browser or a feed reader revisits.
REVISITED = [
    (VAR, PROJECT),
    (VAR, "/actualites/"),
    (HUB, "/flux/rss.xml"),
    (VAR, "/flux/atom.xml"),
    (HUB, "/api/projects.json"),
    (HUB, "/api/territories.json"),
]


def publish_new_title(title):
    project = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    project.title = title
    project.save_revision().publish()


@pytest.mark.parametrize(("host", "path"), REVISITED)
def test_every_answer_carries_a_validator_and_is_revalidated(client, host, path):
    first = client.get(path, HTTP_HOST=host)
    second = client.get(path, HTTP_HOST=host)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first["ETag"] == second["ETag"]
    for response in (first, second):
        assert response["Cache-Control"] == "max-age=0, must-revalidate"

    unchanged = client.get(path, HTTP_HOST=host, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == first["ETag"]


def test_after_a_publication_the_old_validator_gets_the_new_page(client):
    etag = client.get(PROJECT, HTTP_HOST=VAR)["ETag"]
    publish_new_title("RSA en ligne, nouvelle version")
    response = client.get(PROJECT, HTTP_HOST=VAR, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "nouvelle version" in response.content.decode()
    assert response["ETag"] != etag


def test_without_the_page_cache_pages_are_still_revalidated(client, settings):
    settings.PAGECACHE_ENABLED = False
    first = client.get(PROJECT, HTTP_HOST=VAR)
    assert "X-Page-Cache" not in first
    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    again = client.get(PROJECT, HTTP_HOST=VAR, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_cdn_in_front_revalidates_too(client, settings):
    # Its purge reaches a published page and its listings, not every change (an identity,
    # an image, a query string): it keeps nothing without asking.
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9/",
        }
    }
    for host, path in [*REVISITED, (VAR, "/actualites/?page=2")]:
        assert client.get(path, HTTP_HOST=host)["Cache-Control"] == "max-age=0, must-revalidate"


def test_a_hit_answers_the_same_headers_as_the_miss_it_stored(client):
    for host, path in REVISITED:
        miss = client.get(path, HTTP_HOST=host)
        hit = client.get(path, HTTP_HOST=host)
        assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
        assert {k: v for k, v in miss.items() if k != "X-Page-Cache"} == {
            k: v for k, v in hit.items() if k != "X-Page-Cache"
        }, (host, path)


def test_feeds_are_validated_by_their_etag_alone(client):
    # A feed's Last-Modified is its newest item's date: unpublishing that item would leave it
    # unchanged, and If-Modified-Since would keep the item in readers.
    response = client.get("/flux/atom.xml", HTTP_HOST=VAR)
    assert "Last-Modified" not in response
    since = "Fri, 01 Jan 2100 00:00:00 GMT"
    assert (
        client.get("/flux/atom.xml", HTTP_HOST=VAR, HTTP_IF_MODIFIED_SINCE=since).status_code == 200
    )


def test_a_revalidation_after_a_change_fills_the_cache(client):
    etag = client.get(PROJECT, HTTP_HOST=VAR)["ETag"]
    publish_new_title("RSA en ligne, revalidée")
    fresh = client.get(PROJECT, HTTP_HOST=VAR, HTTP_IF_NONE_MATCH=etag)
    assert (fresh.status_code, fresh["X-Page-Cache"]) == (200, "miss")
    assert client.get(PROJECT, HTTP_HOST=VAR, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304
    assert client.get(PROJECT, HTTP_HOST=VAR)["X-Page-Cache"] == "hit"


def test_a_page_with_a_form_is_never_stored(client):
    # The open call's form holds the visitor's CSRF token, sent with a cookie.
    response = client.get("/appels/appel-a-irritants-saison-2/", HTTP_HOST="pau.localhost")
    assert response.status_code == 200
    assert response.cookies
    assert "X-Page-Cache" not in response


def test_editors_pages_are_never_served_from_the_cache(admin_client):
    admin_client.get(PROJECT, HTTP_HOST=VAR)
    response = admin_client.get(PROJECT, HTTP_HOST=VAR)
    assert "X-Page-Cache" not in response


def test_a_head_request_gets_the_validator_of_the_page(client):
    # A miss for HEAD (nothing stored: the page's body is not sent) still tells a client
    # whether its copy is current, with the ETag a GET gives.
    head = client.head(PROJECT, HTTP_HOST=VAR)
    assert head.status_code == 200
    assert head["X-Page-Cache"] == "miss"
    assert head["Cache-Control"] == "max-age=0, must-revalidate"
    assert head["ETag"] == client.get(PROJECT, HTTP_HOST=VAR)["ETag"]
