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


def test_a_purged_cdn_in_front_may_keep_pages_as_long_as_the_page_cache(client, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9/",
        }
    }
    settings.PAGECACHE_TIMEOUT = 1800
    for host, path in REVISITED:
        response = client.get(path, HTTP_HOST=host)
        assert response["Cache-Control"] == "max-age=0, s-maxage=1800, must-revalidate"


def test_a_page_with_a_form_is_never_kept_by_a_shared_cache(client, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9/",
        }
    }
    # The open call's form holds the visitor's CSRF token, sent with a cookie.
    response = client.get("/appels/appel-a-irritants-saison-2/", HTTP_HOST="pau.localhost")
    assert response.status_code == 200
    assert response.cookies
    assert "s-maxage" not in response.get("Cache-Control", "")
    assert "X-Page-Cache" not in response


def test_editors_pages_are_never_served_from_the_cache(admin_client):
    admin_client.get(PROJECT, HTTP_HOST=VAR)
    response = admin_client.get(PROJECT, HTTP_HOST=VAR)
    assert "X-Page-Cache" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")
