"""One language per listing: French pages list French content, English pages English content
(translations, or aliases where nothing is translated), and the feeds list what the pages
list. A project page lists the news of its own territory only.

Finding 8 of issue 15 (project news listed twice, English feeds empty while the English news
lists show items), reproduced on the Var: « Fin de la pré-incubation » is about « APA à
domicile » (translated into English) and « RSA en ligne » (an English alias only).
"""

import re
from datetime import date

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from projects.models import NewsIndexPage, NewsPage, NewsPageProject, ProjectPage

pytestmark = pytest.mark.django_db

VAR, HUB = "var.localhost", "localhost"


def get(client, path, host=VAR):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response.content.decode()


def news_links(text, prefix=""):
    """The news items a page or feed links to, in order (each once), full or relative."""
    links = re.findall(rf'(?:https?://[^/"<]+)?({prefix}/actualites/[\w-]+/)', text)
    return list(dict.fromkeys(links))


def project_news(client, path, host=VAR):
    """The news a project page lists, from its "News of the project" section."""
    section = get(client, path, host).split('id="project-news-title"')
    if len(section) == 1:
        return []
    return re.findall(r'href="([^"]*/actualites/[\w-]+/)"', section[1].split("</section>")[0])


def rsa():
    return ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")


def publish_news(index, slug, day, projects):
    item = NewsPage(
        title=f"Nouvelle {slug}",
        slug=slug,
        date=day,
        related_projects=[NewsPageProject(project=project) for project in projects],
    )
    index.add_child(instance=item).save_revision().publish()
    create_aliases_for_new_page(item)  # the English tree's copy, as the admin makes it
    return item


def test_a_french_project_page_lists_french_news_once(client):
    assert project_news(client, "/projets/rsa-en-ligne/") == ["/actualites/fin-de-pre-incubation/"]


def test_english_project_pages_list_the_english_news(client):
    # An alias (RSA) and a translation (APA) of projects a French news item is about.
    for path in ("/en/projets/rsa-en-ligne/", "/en/projets/home-care-allowance/"):
        assert project_news(client, path) == ["/en/actualites/fin-de-pre-incubation/"], path


def test_duplicates_no_longer_push_older_news_out(client):
    index = NewsIndexPage.objects.get(url_path="/var/actualites/")
    for number in range(4):
        publish_news(index, f"rsa-suite-{number}", date(2030, 1, 1 + number), [rsa()])

    french = project_news(client, "/projets/rsa-en-ligne/")
    english = project_news(client, "/en/projets/rsa-en-ligne/")

    expected = [f"/actualites/rsa-suite-{number}/" for number in (3, 2, 1, 0)]
    assert french == [*expected, "/actualites/fin-de-pre-incubation/"]
    assert english == ["/en" + path for path in french]


def test_english_feeds_list_what_the_english_pages_list(client):
    news_index = news_links(get(client, "/en/actualites/"), "/en")
    assert news_index, "the English news index lists the aliases of the French news"
    assert news_links(get(client, "/en/flux/rss.xml"), "/en") == news_index
    assert news_links(get(client, "/en/flux/atom.xml"), "/en") == news_index

    project_page = project_news(client, "/en/projets/rsa-en-ligne/")
    project_feed = news_links(get(client, "/en/flux/projets/rsa-en-ligne/rss.xml"), "/en")
    assert project_feed == project_page == ["/en/actualites/fin-de-pre-incubation/"]

    hub_home = news_links(get(client, "/en/", HUB), "/en")
    hub_feed = news_links(get(client, "/en/flux/rss.xml", HUB), "/en")
    assert hub_home and hub_feed[: len(hub_home)] == hub_home


def test_french_feeds_list_french_news_only(client):
    for host, path in [(VAR, "/flux/rss.xml"), (HUB, "/flux/atom.xml")]:
        text = get(client, path, host)
        assert news_links(text) and not news_links(text, "/en"), (host, path)
    assert news_links(get(client, "/flux/rss.xml")) == news_links(get(client, "/actualites/"))


def test_a_project_page_lists_only_its_own_territory_s_news(client):
    # Written straight to the database (the admin refuses it): the read side holds anyway.
    pau_news = NewsIndexPage.objects.get(url_path="/pau/actualites/")
    item = publish_news(pau_news, "pau-parle-du-rsa-du-var", date(2030, 1, 1), [])
    for version in NewsPage.objects.filter(translation_key=item.translation_key):
        NewsPageProject.objects.create(page=version, project=rsa())

    for path in ("/projets/rsa-en-ligne/", "/en/projets/rsa-en-ligne/"):
        assert not [link for link in project_news(client, path) if "pau-parle" in link], path
    for path in ("/flux/projets/rsa-en-ligne/rss.xml", "/en/flux/projets/rsa-en-ligne/atom.xml"):
        assert "pau-parle-du-rsa-du-var" not in get(client, path), path
    # Nor does Pau's news page show Var's project as its own.
    assert "rsa-en-ligne" not in get(
        client, "/actualites/pau-parle-du-rsa-du-var/", "pau.localhost"
    )


def test_a_news_page_links_its_projects_in_its_own_language(client):
    english = get(client, "/en/actualites/fin-de-pre-incubation/")
    french = get(client, "/actualites/fin-de-pre-incubation/")

    assert 'href="/en/projets/home-care-allowance/"' in english
    assert 'href="/en/projets/rsa-en-ligne/"' in english
    assert 'href="/projets/' not in english
    assert 'href="/projets/apa-a-domicile/"' in french and 'href="/en/projets/' not in french


def test_the_english_home_highlights_the_english_version_of_the_chosen_project(client):
    from projects.models import TerritoryHighlight
    from territories.models import TerritoryHomePage

    english_home = TerritoryHomePage.objects.get(url_path="/var/").get_translation(
        Locale.objects.get(language_code="en")
    )
    # As a translation of the home page would hold it: the French project chosen.
    TerritoryHighlight.objects.create(page=english_home, project=rsa(), sort_order=0)

    text = get(client, "/en/")
    assert 'href="/en/projets/rsa-en-ligne/"' in text
    assert 'href="/projets/rsa-en-ligne/"' not in text
