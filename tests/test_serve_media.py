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
    def set_to(value):
        settings.DEBUG = False
        settings.SERVE_MEDIA = value
        reload_urls()

    yield set_to
    settings.SERVE_MEDIA = False
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
