"""Each site's sitemap.xml and robots.txt: its own pages only, absolute, on its own host."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from demo import content
from home.models import ContentPage
from testing import make_project, make_territory, publish_child

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOSTS = ["localhost", *(territory["hostname"] for territory in content.TERRITORIES)]


def sitemap_entries(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ElementTree.fromstring(response.content)
    return {
        url.find("sm:loc", NS).text: url.find("sm:lastmod", NS).text
        for url in tree.findall("sm:url", NS)
    }


def site_pages(host, **filters):
    """The site's live pages in every language, by full URL (aliases included)."""
    root = Site.objects.get(hostname=host).root_page
    pages = Page.objects.none()
    for translated_root in Page.objects.filter(translation_key=root.translation_key):
        pages |= Page.objects.descendant_of(translated_root, inclusive=True)
    return {page.get_full_url(): page for page in pages.live().filter(**filters)}


def hub_routes(host):
    """The hub's pages that are not Wagtail pages, in both languages; none elsewhere."""
    if host != "localhost":
        return []
    root_url = Site.objects.get(hostname=host).root_url
    paths = ["/catalogue/", "/catalogue/a-reutiliser/"]
    return [f"{root_url}{prefix}{path}" for prefix in ("", "/en") for path in paths]


@pytest.mark.parametrize("host", HOSTS)
def test_sitemap_lists_every_live_page_of_its_own_site_with_lastmod(client, host):
    entries = sitemap_entries(client, host)

    expected = site_pages(host, alias_of__isnull=True)
    assert set(entries) == set(expected) | set(hub_routes(host))
    root_url = Site.objects.get(hostname=host).root_url
    assert all(url.startswith(f"{root_url}/") for url in entries)
    assert all(lastmod for lastmod in entries.values())
    # Both languages appear where a page really exists in both (the demo translates some).
    assert any("/en/" in url for url in set(entries) - set(hub_routes(host))) == any(
        page.locale.language_code == "en" for page in expected.values()
    )


@pytest.mark.parametrize("host", HOSTS)
def test_sitemap_never_lists_another_sites_page_nor_an_alias(client, host):
    entries = set(sitemap_entries(client, host))

    for other in HOSTS:
        if other != host:
            assert not entries & set(site_pages(other))
    aliases = site_pages(host, alias_of__isnull=False)
    assert aliases, "the demo's English trees are aliases of the French ones"
    assert not entries & set(aliases)


def test_sitemap_leaves_out_unpublished_and_private_pages(client):
    territory = make_territory()
    host = territory.site.hostname
    unpublished, private = make_project(territory, "Retiré"), make_project(territory, "Privé")
    unpublished_url, private_url = unpublished.get_full_url(), private.get_full_url()
    assert {unpublished_url, private_url} <= set(sitemap_entries(client, host))

    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    entries = set(sitemap_entries(client, host))
    assert unpublished_url not in entries
    assert private_url not in entries


@pytest.mark.parametrize("host", HOSTS)
def test_robots_txt_names_the_sites_own_sitemap_and_keeps_crawlers_out_of_admin_and_search(
    client, host
):
    response = client.get("/robots.txt", HTTP_HOST=host)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert {"Disallow: /admin/", "Disallow: /recherche/", "Disallow: /en/recherche/"} <= set(lines)
    assert f"Sitemap: {Site.objects.get(hostname=host).root_url}/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)


def test_sitemap_costs_the_same_queries_however_many_pages_the_site_has(client):
    territory = make_territory()

    def count():
        host = territory.site.hostname
        client.get("/sitemap.xml", HTTP_HOST=host)  # warm the site root paths
        with CaptureQueriesContext(connection) as queries:
            entries = sitemap_entries(client, host)
        return len(queries), len(entries)

    queries_before, entries_before = count()
    for number in range(10):
        publish_child(territory.home, ContentPage(title=f"Page {number}"))

    queries_after, entries_after = count()
    assert entries_after == entries_before + 10
    assert queries_after == queries_before


def test_the_sitemaps_together_list_every_page_type_of_the_demo(client):
    listed = set()
    for host in HOSTS:
        listed |= set(sitemap_entries(client, host))
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).specific()
    page_types = {type(page) for page in pages}
    listed_types = {type(page) for page in pages if page.get_full_url() in listed}
    assert listed_types == page_types
    assert len(page_types) >= 8


def test_robots_txt_of_a_site_in_preparation_keeps_every_crawler_out_until_the_launch(client):
    from territories.launch import launch

    territory = make_territory(launched=False)
    host = territory.site.hostname

    lines = client.get("/robots.txt", HTTP_HOST=host).content.decode().splitlines()
    assert "Disallow: /" in lines
    assert "Allow: /" not in lines
    assert not any(line.startswith("Sitemap:") for line in lines)

    launch(territory)
    lines = client.get("/robots.txt", HTTP_HOST=host).content.decode().splitlines()
    assert "Allow: /" in lines and "Disallow: /" not in lines
    assert f"Sitemap: {territory.site.root_url}/sitemap.xml" in lines


XHTML = "{http://www.w3.org/1999/xhtml}link"


def alternates(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    tree = ElementTree.fromstring(response.content)
    return {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall(XHTML)
        }
        for url in tree.findall("sm:url", NS)
    }


@pytest.mark.parametrize("host", HOSTS)
def test_pages_in_both_languages_name_each_other_as_hreflang_alternates(client, host):
    listed = alternates(client, host)
    pages = site_pages(host, alias_of__isnull=True)
    translated = [
        page
        for page in pages.values()
        if page.locale.language_code == "fr"
        and any(
            other.translation_key == page.translation_key and other.pk != page.pk
            for other in pages.values()
        )
    ]
    # The demo translates pages of every territory (the hub's pages are French only).
    assert translated or host == "localhost"
    for page in translated:
        english = next(
            other
            for other in pages.values()
            if other.translation_key == page.translation_key and other.pk != page.pk
        )
        expected = {"fr": page.get_full_url(), "en": english.get_full_url()}
        assert listed[page.get_full_url()] == expected
        assert listed[english.get_full_url()] == expected
    # A page in one language only has no alternate.
    single = [url for url, page in pages.items() if page not in translated]
    lonely = [
        url
        for url in single
        if not any(
            other.translation_key == pages[url].translation_key
            and other.url_path != pages[url].url_path
            for other in pages.values()
        )
    ]
    assert all(listed[url] == {} for url in lonely)
    for route in hub_routes(host):
        french = route.replace("/en/", "/")
        assert listed[route] == {
            "fr": french,
            "en": french.replace("/catalogue/", "/en/catalogue/"),
        }
