"""The demo network: complete, idempotent, and every page of it renders."""

import re

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, Revision, Site

from demo import content, content_en
from irritants.models import CallForIrritantsPage, CallStatus, Irritant
from projects.models import NewsPage, ProjectPage, Theme
from territories.models import Territory

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "themes": Theme.objects.count(),
        "irritants": Irritant.objects.count(),
    }


def test_load_demo_twice_changes_nothing():
    before = counts()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert counts() == before


def test_demo_has_every_territory_project_news_and_call():
    for territory in content.TERRITORIES:
        site = Site.objects.get(hostname=territory["hostname"])
        home = site.root_page
        projects = ProjectPage.objects.descendant_of(home).live()
        assert sorted(projects.values_list("slug", flat=True)) == sorted(
            p["slug"] for p in territory["projects"]
        )
        assert all(project.current_phase for project in projects)
        assert NewsPage.objects.descendant_of(home).live().count() == len(territory["news"])
        assert CallForIrritantsPage.objects.descendant_of(home).live().count() == 1


def test_demo_has_both_open_and_closed_calls():
    statuses = {call.status for call in CallForIrritantsPage.objects.live()}
    assert {CallStatus.OPEN, CallStatus.CLOSED} <= statuses


def live_page_urls():
    """(host, path) of every live demo page, resolved through its own site."""
    urls = []
    for page in Page.objects.live().filter(depth__gte=2).specific():
        site_id, root_url, path = page.get_url_parts()
        urls.append((root_url.split("://")[1].split(":")[0], path, page.title))
    return urls


def test_every_demo_page_renders(client):
    urls = live_page_urls()
    assert len(urls) > 40
    for host, path, title in urls:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (host, path)
        assert response.context["page"].title == title


def test_missing_page_gets_a_styled_404_in_the_territory_identity(client):
    response = client.get("/cette-page-n-existe-pas/", HTTP_HOST="pau.localhost")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert '<link rel="stylesheet"' in html
    assert "Pau" in html  # the territory's header, not a bare error page


def sign_in(client, username, password):
    """Through the admin's real sign-in form (and its login throttling)."""
    response = client.post("/admin/login/", {"username": username, "password": password})
    return response.status_code == 302


def test_demo_accounts_edit_their_own_territory_only(client, settings):
    settings.DEBUG = True
    call_command("create_dev_admin")
    assert sign_in(client, "redaction-var", "demo")
    var, pau = Territory.objects.get(slug="var"), Territory.objects.get(slug="pau")
    assert client.get(f"/admin/pages/{var.home_id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{pau.home_id}/edit/").status_code in (302, 403, 404)
    assert sign_in(client, "publication-pau", "demo")


@pytest.mark.parametrize("slug", sorted(content_en.TERRITORIES))
def test_demo_territories_have_home_about_and_a_project_in_english(client, slug):
    english = content_en.TERRITORIES[slug]
    host = f"{slug}.localhost"
    project = english["project"]["english"]

    home = client.get("/en/", HTTP_HOST=host).content.decode()
    about = client.get("/en/about/", HTTP_HOST=host).content.decode()
    page = client.get(f"/en/projets/{project['slug']}/", HTTP_HOST=host).content.decode()

    assert escape(english["home"]["intro"]) in home
    assert escape(english["home"]["key_figures"][0]["label"]) in home
    assert f"<h1>{escape(english['about']['title'])}</h1>" in about
    assert escape(english["about"]["body"][0][1]) in about
    assert escape(project["problem"]) in page
    assert escape(project["title"]) in page
    # Nothing of the French text is left, and each page offers its French original.
    french = next(t for t in content.TERRITORIES if t["slug"] == slug)
    assert escape(french["about"]["intro"]) not in about
    assert escape(french["intro"]) not in home
    for html in (home, about, page):
        assert '<html lang="en">' in html and 'hreflang="fr" lang="fr"' in html
    # The call to action leads to the English side of the site.
    assert 'class="button" href="/en/' in about


def test_the_hub_home_is_translated_into_english(client):
    english = content_en.NETWORK
    html = client.get("/en/", HTTP_HOST="localhost").content.decode()

    assert f"<h1>{escape(english['home']['title'])}</h1>" in html
    assert escape(english["home"]["intro"]) in html
    assert escape(content.NETWORK["intro"]) not in html
    # Its own page, not the French one's alias: its own canonical address, no French <main>.
    assert '<link rel="canonical" href="http://localhost/en/">' in html
    assert (
        re.search(r"<main [^>]*>", html)[0] == '<main id="content" class="container" tabindex="-1">'
    )
    # The call to action leads to the English method page, the banner is described in English.
    assert 'class="button" href="/en/la-methode/"' in html
    banner = re.search(r'<img class="home-hero__banner"[^>]*>', html)[0]
    assert escape(english["identity"]["banner_alt"]) in banner and " lang=" not in banner
