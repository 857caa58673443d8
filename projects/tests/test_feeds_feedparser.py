"""Every news feed of the demo, read by feedparser as a feed reader reads it: well-formed, and
the same news as the page that announces it (announced by that page, same links, same titles,
latest first), in French and in English, for the hub, each territory and each project."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from wagtail.models import Locale, Site

from projects.models import NewsIndexPage, NewsPage, ProjectPage
from territories.models import Territory

pytestmark = pytest.mark.django_db

FEED_TYPES = {"application/rss+xml": "rss20", "application/atom+xml": "atom10"}
# news_feed()'s limit (projects/queries.py): a feed never carries more.
FEED_LIMIT = 30


class PageLinks(HTMLParser):
    """The <link>s of a page's head and the links of its cards' titles, in order."""

    def __init__(self):
        super().__init__()
        self.head_links = []
        self.card_links = []
        self._title_depth = 0
        self._anchor = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.head_links.append(attrs)
        elif "card__title" in (attrs.get("class") or "").split():
            self._title_depth += 1
        elif tag == "a" and self._title_depth:
            self._anchor = [attrs.get("href", ""), ""]

    def handle_data(self, data):
        if self._anchor is not None:
            self._anchor[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._anchor is not None:
            self.card_links.append((self._anchor[0], " ".join(self._anchor[1].split())))
            self._anchor = None
        elif tag in ("h2", "h3", "h4") and self._title_depth:
            self._title_depth -= 1


def get(client, url):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, HTTP_HOST=parts.hostname)


def read_page(client, url):
    response = get(client, url)
    assert response.status_code == 200, url
    parser = PageLinks()
    parser.feed(response.content.decode())
    return parser


def news_urls():
    """The address of every published news page, in either language (aliases included)."""
    return {page.get_full_url() for page in NewsPage.objects.live().public()}


def listed_news(client, url, follow_pages=False):
    """(link, title) of the news the page lists, absolute, in order; the index's next pages
    too when ``follow_pages``."""
    known = news_urls()
    items, number = [], 1
    while True:
        page_url = url if number == 1 else f"{url}?page={number}"
        cards = read_page(client, page_url).card_links
        found = [
            (urljoin(url, href), title)
            for href, title in cards
            if urljoin(url, href) in known and (urljoin(url, href), title) not in items
        ]
        if not found:
            return items
        items += found
        if not follow_pages:
            return items
        number += 1


def announced_feeds(client, url):
    """The feeds the page announces: {feedparser's version name: absolute address}."""
    feeds = {}
    for link in read_page(client, url).head_links:
        if link.get("rel") == "alternate" and link.get("type") in FEED_TYPES:
            feeds.setdefault(FEED_TYPES[link["type"]], []).append(urljoin(url, link["href"]))
    return feeds


def english_url(client, url):
    """The page's English version: its translation as the page announces it (hreflang), or
    the French page itself under /en/ where it is not translated yet."""
    for link in read_page(client, url).head_links:
        if link.get("rel") == "alternate" and link.get("hreflang") == "en":
            return urljoin(url, link["href"])
    return urljoin(url, "/en" + urlsplit(url).path)


def parsed_feed(client, url, version):
    response = get(client, url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url}: {feed.get('bozo_exception')}"
    assert feed.version == version, url
    return feed


def check_consistency(client, page_url, feed_path, whole_listing):
    """The page announces the feed at ``feed_path``rss.xml and atom.xml and lists the feed's
    latest news: the same links and titles, in the same order; the whole feed when the page
    is the full listing (the news index), its first items otherwise."""
    feeds = announced_feeds(client, page_url)
    listed = listed_news(client, page_url, follow_pages=whole_listing)
    for version, name in (("rss20", "rss.xml"), ("atom10", "atom.xml")):
        matching = [
            url for url in feeds.get(version, []) if urlsplit(url).path.endswith(feed_path + name)
        ]
        assert matching, f"{page_url} announces no {feed_path}{name}"
        feed = parsed_feed(client, matching[0], version)
        entries = [(entry.link, " ".join(entry.title.split())) for entry in feed.entries]
        if whole_listing:
            assert entries == listed[:FEED_LIMIT], (page_url, matching[0])
        else:
            assert entries[: len(listed)] == listed, (page_url, matching[0])
        # An English page listing news has an English feed that is not empty.
        assert len(entries) >= min(len(listed), FEED_LIMIT), (page_url, matching[0])


def site_pages():
    """(French address, feed path, whole listing) of every page that lists a site's news."""
    hub = Site.objects.get(is_default_site=True)
    pages = [(f"{hub.root_url}/", "/flux/", False)]
    for territory in Territory.objects.select_related("home").order_by("slug"):
        index = NewsIndexPage.objects.child_of(territory.home).live().first()
        pages.append((territory.home.get_full_url(), "/flux/", False))
        pages.append((index.get_full_url(), "/flux/", True))
    return pages


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_site_feed_is_well_formed_and_lists_the_news_its_pages_list(client, language):
    checked = 0
    for french_url, feed_path, whole_listing in site_pages():
        url = french_url if language == "fr" else english_url(client, french_url)
        check_consistency(client, url, feed_path, whole_listing)
        checked += 1
    assert checked == 9  # the hub, and each of four territories' home and news index


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_project_feed_is_well_formed_and_lists_the_news_of_its_page(client, language):
    french = Locale.objects.get(language_code="fr")
    projects = ProjectPage.objects.live().public().filter(locale=french).order_by("path")
    assert projects.count() >= 4
    with_news = 0
    for project in projects:
        url = project.get_full_url()
        if language == "en":
            url = english_url(client, url)
        slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        check_consistency(client, url, f"/flux/projets/{slug}/", False)
        with_news += bool(listed_news(client, url))
    # The demo's projects have news: the comparison compared something.
    assert with_news >= 4
