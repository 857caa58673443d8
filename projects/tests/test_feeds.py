"""News feeds: valid RSS 2.0 and Atom, for the network, a territory and a project."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from projects.models import NewsPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    [channel] = root.findall("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required)
    items = channel.findall("item")
    for item in items:
        assert item.findtext("title") and item.findtext("link") and item.findtext("guid")
        parsedate_to_datetime(item.findtext("pubDate"))  # RFC 822 dates
    return channel, items


def atom(client, path, host):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}")
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://")
    return root, entries


def test_a_territory_feed_lists_its_own_news_latest_first(client):
    _channel, items = rss(client, "/flux/rss.xml", "var.localhost")
    var_news = NewsPage.objects.live().filter(url_path__startswith="/var/").order_by("-date")
    assert [item.findtext("title") for item in items] == [news.title for news in var_news]
    assert all(item.findtext("link").startswith("http://var.localhost:8000/") for item in items)

    _feed, entries = atom(client, "/flux/atom.xml", "var.localhost")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [n.title for n in var_news]


def test_the_hub_feed_gathers_every_territory_with_each_link_on_its_own_host(client):
    _channel, items = rss(client, "/flux/rss.xml", "localhost")
    links = [item.findtext("link") for item in items]
    assert len(links) == NewsPage.objects.live().filter(locale__language_code="fr").count()
    for host in ("var", "pau", "grandest", "pasdecalais"):
        assert any(link.startswith(f"http://{host}.localhost:8000/") for link in links)
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_a_project_feed_has_only_the_news_about_it(client):
    _channel, items = rss(client, "/flux/projets/lapins/rss.xml", "pasdecalais.localhost")
    titles = {item.findtext("title") for item in items}
    expected = NewsPage.objects.live().filter(related_projects__project__slug="lapins")
    assert titles == {news.title for news in expected} and titles
    _feed, entries = atom(client, "/flux/projets/lapins/atom.xml", "pasdecalais.localhost")
    assert len(entries) == len(items)
    # Another territory's project is not served from this host.
    assert client.get("/flux/projets/lapins/rss.xml", HTTP_HOST="var.localhost").status_code == 404


def test_unpublished_news_stay_out_of_the_feeds(client):
    news = NewsPage.objects.live().filter(url_path__startswith="/var/").first()
    news.unpublish()
    _channel, items = rss(client, "/flux/rss.xml", "var.localhost")
    assert news.title not in [item.findtext("title") for item in items]


def test_pages_announce_their_feeds(client):
    html = client.get("/", HTTP_HOST="var.localhost").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/flux/atom.xml"' in html
    project = client.get("/projets/lapins/", HTTP_HOST="pasdecalais.localhost").content.decode()
    assert 'href="/flux/projets/lapins/rss.xml"' in project
    assert 'href="/flux/rss.xml"' in project


def test_feeds_serve_the_active_languages_news(client):
    news = NewsPage.objects.live().get(slug="lapins-version-beta", locale__language_code="fr")
    english = Locale.objects.get(language_code="en")
    translate_object(news, [english])
    translation = news.get_translation(english)
    translation.title = "Lapins goes beta"
    translation.save_revision().publish()

    _channel, items = rss(client, "/en/flux/rss.xml", "pasdecalais.localhost")
    # The English pages: the translation, and the aliases of the untranslated news, as the
    # English news index lists them.
    titles = [item.findtext("title") for item in items]
    assert "Lapins goes beta" in titles and news.title not in titles
    assert (
        len(titles) == NewsPage.objects.live().filter(url_path__startswith="/pasdecalais/").count()
    )
    for item in items:
        assert item.findtext("link").startswith("http://pasdecalais.localhost:8000/en/")
    _channel, french = rss(client, "/flux/rss.xml", "pasdecalais.localhost")
    assert "Lapins goes beta" not in [item.findtext("title") for item in french]
    assert news.title in [item.findtext("title") for item in french]
