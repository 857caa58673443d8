"""`make serve` (DEBUG off, SERVE_MEDIA on) answers the logos' renditions; with SERVE_MEDIA off,
as in a deployment, /media/ is left to the reverse proxy."""

import importlib

import pytest
from django.urls import clear_url_caches

from territories.identity import LogoRenditions
from territories.models import TerritorySettings

pytestmark = pytest.mark.django_db


def reload_urls():
    import site_config.urls

    importlib.reload(site_config.urls)
    clear_url_caches()


@pytest.fixture
def serve_media(settings):
    before = settings.DEBUG, settings.SERVE_MEDIA

    def set_to(value):
        settings.DEBUG = False
        settings.SERVE_MEDIA = value
        reload_urls()

    yield set_to
    # The URLs of the settings the next tests run with (the settings fixture restores them).
    settings.DEBUG, settings.SERVE_MEDIA = before
    reload_urls()


def logo_url(var):
    logo = TerritorySettings.objects.get(site=var.site).logo
    return LogoRenditions.of(logo).webp.url


def test_make_serve_answers_the_logo_renditions(client, var, serve_media):
    serve_media(True)
    url = logo_url(var)
    assert url.startswith("/media/images/")

    response = client.get(url, HTTP_HOST=var.site.hostname)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert b"".join(response.streaming_content)[8:12] == b"WEBP"
    assert client.get("/media/images/nothing.webp").status_code == 404


def test_a_deployment_leaves_media_to_its_reverse_proxy(client, var, serve_media):
    serve_media(False)

    assert client.get(logo_url(var), HTTP_HOST=var.site.hostname).status_code == 404


def test_make_serve_never_answers_documents_or_originals(client, var, serve_media):
    # Documents keep their collection's privacy through Wagtail's document view only.
    serve_media(True)
    logo = TerritorySettings.objects.get(site=var.site).logo

    assert client.get(logo.file.url, HTTP_HOST=var.site.hostname).status_code == 404
    assert client.get("/media/documents/x.pdf", HTTP_HOST=var.site.hostname).status_code == 404
