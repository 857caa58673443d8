"""News feeds: valid RSS 2.0 and Atom, for the network, a territory and a project."""

import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from projects.models import NewsPage
from testing import make_news, make_project, make_territory

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


def host(territory):
    return territory.site.hostname


def test_a_territory_feed_lists_its_own_news_latest_first(client):
    territory = make_territory()
    for day in (1, 3, 2):
        make_news(territory, f"Nouvelle du {day}", date=date(2024, 1, day))
    make_news(make_territory(), "Nouvelle d'ailleurs")
    expected = ["Nouvelle du 3", "Nouvelle du 2", "Nouvelle du 1"]

    _channel, items = rss(client, "/flux/rss.xml", host(territory))
    assert [item.findtext("title") for item in items] == expected
    root = territory.site.root_url + "/"
    assert all(item.findtext("link").startswith(root) for item in items)

    _feed, entries = atom(client, "/flux/atom.xml", host(territory))
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == expected


def test_the_hub_feed_gathers_every_territory_with_each_link_on_its_own_host(client):
    first, second = make_territory(), make_territory()
    make_news(first, "Nouvelle du premier")
    make_news(second, "Nouvelle du second")

    _channel, items = rss(client, "/flux/rss.xml", "localhost")

    links = [item.findtext("link") for item in items]
    french = NewsPage.objects.live().filter(locale__language_code="fr").count()
    assert len(links) == min(french, 30)  # the latest thirty
    for territory in (first, second):
        assert any(link.startswith(territory.site.root_url + "/") for link in links)
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_a_project_feed_has_only_the_news_about_it(client):
    territory = make_territory()
    project = make_project(territory)
    make_news(territory, "Le service ouvre", projects=[project])
    make_news(territory, "Le service s'étend", projects=[project])
    make_news(territory, "Une autre nouvelle")
    feed = f"/flux/projets/{project.slug}/"

    _channel, items = rss(client, feed + "rss.xml", host(territory))
    titles = {item.findtext("title") for item in items}
    assert titles == {"Le service ouvre", "Le service s'étend"}
    _feed, entries = atom(client, feed + "atom.xml", host(territory))
    assert len(entries) == len(items)
    # Another territory's project is not served from this host.
    assert client.get(feed + "rss.xml", HTTP_HOST=host(make_territory())).status_code == 404


def test_unpublished_news_stay_out_of_the_feeds(client):
    territory = make_territory()
    news = make_news(territory, "Nouvelle retirée")
    make_news(territory, "Nouvelle en ligne")
    news.unpublish()

    _channel, items = rss(client, "/flux/rss.xml", host(territory))

    assert [item.findtext("title") for item in items] == ["Nouvelle en ligne"]


def test_pages_announce_their_feeds(client):
    territory = make_territory()
    project = make_project(territory)

    html = client.get("/", HTTP_HOST=host(territory)).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/flux/atom.xml"' in html
    page = client.get(f"/projets/{project.slug}/", HTTP_HOST=host(territory)).content.decode()
    assert f'href="/flux/projets/{project.slug}/rss.xml"' in page
    assert 'href="/flux/rss.xml"' in page


def test_feeds_serve_the_active_languages_news(client):
    territory = make_territory()
    news = make_news(territory, "Le service passe en bêta")
    untranslated = make_news(territory, "Nouvelle restée en français")
    english = Locale.objects.get(language_code="en")
    translate_object(news, [english])
    translation = news.get_translation(english)
    translation.title = "The service goes beta"
    translation.save_revision().publish()

    _channel, items = rss(client, "/en/flux/rss.xml", host(territory))
    # The English pages: the translation, and the aliases of the untranslated news, as the
    # English news index lists them.
    titles = [item.findtext("title") for item in items]
    assert sorted(titles) == sorted(["The service goes beta", untranslated.title])
    for item in items:
        assert item.findtext("link").startswith(territory.site.root_url + "/en/")
    _channel, french = rss(client, "/flux/rss.xml", host(territory))
    assert sorted(item.findtext("title") for item in french) == sorted(
        [news.title, untranslated.title]
    )
