"""An archived territory's site answers 410 Gone at every public address, whatever serves
it (pages, feeds, sitemap, open data, search), page cache included; robots.txt keeps every
crawler out; the restore brings it all back."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.archive import archive_territory, restore_territory
from testing import make_news, make_project, make_territory

pytestmark = pytest.mark.django_db

HUB = "localhost"
PROJECT = "Guichet numérique des aidants"
NEWS = "Les aidants testent le guichet"


@pytest.fixture
def territory(django_capture_on_commit_callbacks):
    """An online territory with a published project and news item (indexed)."""
    with django_capture_on_commit_callbacks(execute=True):
        territory = make_territory(name="Département de la Creuse")
        project = make_project(territory, title=PROJECT, slug="guichet-aidants")
        make_news(territory, title=NEWS, projects=[project], slug="aidants-testent")
    return territory


def archive(territory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        archive_territory(territory)
    territory.refresh_from_db()


def restore(territory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        restore_territory(territory)
    territory.refresh_from_db()


# Every kind of public address of a territory's site, each with what it shows when online.
ADDRESSES = [
    ("/", {}),
    ("/projets/", {}),
    ("/projets/guichet-aidants/", {}),
    ("/actualites/aidants-testent/", {}),
    ("/en/", {}),
    ("/recherche/", {"q": "aidants"}),
    ("/en/recherche/", {"q": "aidants"}),
    ("/flux/rss.xml", {}),
    ("/flux/atom.xml", {}),
    ("/flux/projets/guichet-aidants/rss.xml", {}),
    ("/sitemap.xml", {}),
    ("/api/projects.json", {}),
    ("/api/projects.csv", {}),
    ("/api/territories.json", {}),
    # An address that never existed answers the same: nothing tells which ones did.
    ("/n-existe-pas/", {}),
]


def shows(content, territory):
    return any(word in content for word in (PROJECT, NEWS, territory.name, "guichet-aidants"))


def test_every_public_address_of_an_archived_site_is_gone(
    client, territory, django_capture_on_commit_callbacks
):
    host = territory.site.hostname
    for path, params in ADDRESSES:
        if path != "/n-existe-pas/":
            assert client.get(path, params, HTTP_HOST=host).status_code == 200, path

    archive(territory, django_capture_on_commit_callbacks)

    for path, params in ADDRESSES:
        response = client.get(path, params, HTTP_HOST=host)
        assert response.status_code == 410, (path, response.status_code)
        assert response["X-Robots-Tag"] == "noindex", path
        assert "no-store" in response["Cache-Control"], path
        assert response["Content-Type"].startswith("text/html"), path
        content = response.content.decode()
        assert '<meta name="robots" content="noindex">' in content, path
        # The network's hub, where the visitor can go on.
        assert 'href="http://localhost' in content, path
        assert not shows(content, territory), path
        assert "<main" in content and "<h1>" in content, path
        language = "en" if path.startswith("/en/") else "fr"
        assert f'<html lang="{language}">' in content, path
    # A HEAD request too (crawlers check with one).
    assert client.head("/", HTTP_HOST=host).status_code == 410


def test_robots_txt_keeps_every_crawler_out_of_an_archived_site(
    client, territory, django_capture_on_commit_callbacks
):
    host = territory.site.hostname
    online = client.get("/robots.txt", HTTP_HOST=host).content.decode()
    assert "Sitemap:" in online and "Disallow: /\n" not in online

    archive(territory, django_capture_on_commit_callbacks)

    response = client.get("/robots.txt", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.content.decode() == "User-agent: *\nDisallow: /\n"

    restore(territory, django_capture_on_commit_callbacks)

    assert client.get("/robots.txt", HTTP_HOST=host).content.decode() == online


def test_the_admin_the_health_check_and_the_other_sites_still_answer(
    client, territory, django_capture_on_commit_callbacks, var
):
    archive(territory, django_capture_on_commit_callbacks)
    host = territory.site.hostname

    # Its team still signs in to write drafts (publishing is refused there: archive.py).
    assert client.get("/admin/login/", HTTP_HOST=host).status_code == 200
    assert client.get("/healthz", HTTP_HOST=host, follow=True).status_code == 200
    assert client.get("/", HTTP_HOST=HUB).status_code == 200
    assert client.get("/", HTTP_HOST=var.site.hostname).status_code == 200
    hub_territories = client.get("/api/territories.json", HTTP_HOST=HUB).content.decode()
    assert territory.slug not in hub_territories and var.slug in hub_territories


def test_nothing_cached_before_the_archive_is_served_after_it(
    client, territory, django_capture_on_commit_callbacks
):
    host = territory.site.hostname
    cached = ["/", "/projets/guichet-aidants/", "/flux/rss.xml", "/sitemap.xml", "/robots.txt"]
    for path in cached:
        client.get(path, HTTP_HOST=host)
        assert client.get(path, HTTP_HOST=host)["X-Page-Cache"] == "hit", path

    archive(territory, django_capture_on_commit_callbacks)

    for path in cached:
        response = client.get(path, HTTP_HOST=host)
        assert response.get("X-Page-Cache") != "hit", path
        if path == "/robots.txt":
            assert "Disallow: /\n" in response.content.decode()
        else:
            assert response.status_code == 410, path
            # Gone is never stored: asked again, it is rendered again (and still gone).
            again = client.get(path, HTTP_HOST=host)
            assert (again.status_code, again.get("X-Page-Cache")) == (410, None), path


def test_the_gone_answer_costs_no_query_more_than_a_cached_check(
    client, territory, django_capture_on_commit_callbacks
):
    archive(territory, django_capture_on_commit_callbacks)
    host = territory.site.hostname
    client.get("/", HTTP_HOST=host)  # fills the site's caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/projets/", HTTP_HOST=host).status_code == 410
    # The generations' read, nothing else: the territory's state is cached with them.
    assert len(queries) <= 1, [query["sql"] for query in queries]


def test_the_restore_brings_every_address_back(
    client, territory, django_capture_on_commit_callbacks
):
    host = territory.site.hostname
    archive(territory, django_capture_on_commit_callbacks)
    assert client.get("/", HTTP_HOST=host).status_code == 410

    restore(territory, django_capture_on_commit_callbacks)

    for path, params in ADDRESSES:
        if path == "/n-existe-pas/":
            assert client.get(path, HTTP_HOST=host).status_code == 404
            continue
        if "recherche" in path:
            continue  # below
        response = client.get(path, params, HTTP_HOST=host)
        assert response.status_code == 200, (path, response.status_code)
    assert PROJECT in client.get("/projets/", HTTP_HOST=host).content.decode()
    assert "guichet-aidants" in client.get("/sitemap.xml", HTTP_HOST=host).content.decode()


def test_the_restore_brings_the_search_back_at_once(
    client, territory, django_capture_on_commit_callbacks
):
    host = territory.site.hostname
    archive(territory, django_capture_on_commit_callbacks)
    assert client.get("/recherche/", {"q": "aidants"}, HTTP_HOST=host).status_code == 410

    restore(territory, django_capture_on_commit_callbacks)

    response = client.get("/recherche/", {"q": "aidants"}, HTTP_HOST=host)
    assert response.status_code == 200
    assert PROJECT in response.content.decode()


def test_crawlers_asking_an_archived_site_fill_no_log(
    client, territory, django_capture_on_commit_callbacks, caplog
):
    archive(territory, django_capture_on_commit_callbacks)
    with caplog.at_level("WARNING", logger="django.request"):
        for path, params in ADDRESSES:
            assert client.get(path, params, HTTP_HOST=territory.site.hostname).status_code == 410
    assert [record for record in caplog.records if record.name == "django.request"] == []
    # Other client errors are still logged.
    with caplog.at_level("WARNING", logger="django.request"):
        client.get("/n-existe-pas/", HTTP_HOST="var.localhost")
    assert any(record.name == "django.request" for record in caplog.records)
