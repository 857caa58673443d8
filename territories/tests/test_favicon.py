"""Each site's /favicon.ico: drawn from its logo or its colour, once per generation of its
identity, the same for every visitor."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from territories.archive import archive_territory
from territories.models import TerritorySettings
from testing import make_territory

pytestmark = pytest.mark.django_db

HUB = "localhost"


def icon(client, host):
    response = client.get("/favicon.ico", HTTP_HOST=host)
    assert response.status_code == 200, host
    assert response["Content-Type"] == "image/x-icon"
    picture = Image.open(io.BytesIO(response.content))
    assert picture.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(picture.info["sizes"])
    return response


def colour_near_the_top(content):
    picture = Image.open(io.BytesIO(content))
    picture.size = (48, 48)
    return picture.convert("RGB").getpixel((24, 4))


def test_every_site_answers_its_own_icon(client, var, pau):
    answers = {host: icon(client, host) for host in (HUB, var.site.hostname, pau.site.hostname)}
    assert len({response.content for response in answers.values()}) == 3
    for response in answers.values():
        assert (
            "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
        )
        assert response.has_header("ETag")


def test_every_page_links_to_it(client, var):
    content = client.get("/", HTTP_HOST=var.site.hostname).content.decode()
    assert '<link rel="icon" href="/favicon.ico">' in content


def test_without_a_logo_the_icon_takes_the_colour_and_follows_its_change(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        territory = make_territory(name="Département de la Creuse")
    host = territory.site.hostname
    settings = TerritorySettings.objects.get(site=territory.site)
    assert settings.logo is None
    with django_capture_on_commit_callbacks(execute=True):
        settings.primary_color = "#8a1538"
        settings.save()
    assert colour_near_the_top(icon(client, host).content) == (0x8A, 0x15, 0x38)

    with django_capture_on_commit_callbacks(execute=True):
        settings.primary_color = "#1d5c3a"
        settings.save()
    assert colour_near_the_top(icon(client, host).content) == (0x1D, 0x5C, 0x3A)


def test_the_logo_makes_the_icon_and_removing_it_falls_back_to_the_colour(
    client, var, django_capture_on_commit_callbacks
):
    host = var.site.hostname
    settings = TerritorySettings.objects.get(site=var.site)
    assert settings.logo is not None
    from_logo = icon(client, host).content
    # The demo logo is a rounded badge on white: its corner is white, unlike the colour
    # icon's transparent corner.
    corner = Image.open(io.BytesIO(from_logo)).convert("RGBA").getpixel((0, 0))
    assert corner[3] == 255

    with django_capture_on_commit_callbacks(execute=True):
        settings.logo = None
        settings.save()
    from_colour = icon(client, host).content
    assert from_colour != from_logo
    assert Image.open(io.BytesIO(from_colour)).convert("RGBA").getpixel((0, 0))[3] == 0


def test_drawn_once_then_served_without_a_query(client, var):
    host = var.site.hostname
    with CaptureQueriesContext(connection) as first:
        icon(client, host)
    assert len(first) <= 6
    with CaptureQueriesContext(connection) as again:
        response = icon(client, host)
    assert len(again) <= 1
    # A browser holding it is answered 304.
    not_modified = client.get("/favicon.ico", HTTP_HOST=host, HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304


def test_an_archived_site_is_gone_there_too(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        territory = make_territory(name="Département de la Creuse")
    host = territory.site.hostname
    icon(client, host)
    with django_capture_on_commit_callbacks(execute=True):
        archive_territory(territory)
    response = client.get("/favicon.ico", HTTP_HOST=host)
    # Like every public address of an archived site (territories/preparation.py).
    assert response.status_code == 410
