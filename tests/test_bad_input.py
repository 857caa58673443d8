"""Bad input on every public URL, crawler-style: each site's sitemap, then every URL in it and
the public routes that are not pages, with fuzzed parameters, wrong methods and unknown
hosts; and malformed parameters on every bulk action of the admin. A proper 4xx is fine; a
5xx never is. (Huge headers and malformed request lines need a real HTTP server:
tests/live/test_live_bad_input.py. Each app's own bad input: <app>/tests/test_bad_input.py.)"""

import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
from django.test import Client

from demo import content
from testing import make_project, make_territory, make_user
from tests.test_admin_surfaces import every_bulk_action_url

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", *(territory["hostname"] for territory in content.TERRITORIES)]
ROUTES = [
    "/robots.txt",
    "/sitemap.xml",
    "/healthz",
    "/recherche/",
    "/recherche/suggestions/",
    "/catalogue/",
    "/catalogue/a-reutiliser/",
    "/flux/rss.xml",
    "/flux/atom.xml",
    "/flux/projets/rsa-en-ligne/rss.xml",
    "/api/projects.json",
    "/api/projects.csv",
    "/api/territories.json",
    "/en/recherche/",
    "/en/catalogue/",
    "/en/flux/rss.xml",
    "/en/api/projects.json",
]
QUERIES = [
    "page=-1",
    "page=abc",
    "page=99999",
    "page=0&page=2&page=x",
    "q=" + "irritant " * 556,  # about 5,000 characters
    "q=%ff%fe",
    "%ff%fe=%ff%fe",
    "q=%00&page=%00",
    "q=a%",
    "q=<script>alert(1)</script>&phase=%27%22",
    "phase=nope&theme=-1&territory=%00&type=99999999999999999999999&sort=;",
    "utm_source=x&unknown=1&unknown=2&=&&",
    "ref=forged-token",
    "format=json&callback=x",
]
PATH_SUFFIXES = ["%00/", "%ff%fe/", "a" * 2000 + "/", "..%2f..%2fetc%2fpasswd", "index.php"]


def sitemap_paths(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = ElementTree.fromstring(response.content).iterfind("sm:url/sm:loc", namespace)
    return [urlsplit(loc.text).path for loc in locations]


@pytest.fixture
def crawler():
    # Errors come back as responses (as a visitor would get them), not as exceptions.
    return Client(raise_request_exception=False, enforce_csrf_checks=True)


@pytest.mark.parametrize("host", HOSTS)
def test_every_url_of_the_site_with_fuzzed_input_never_answers_5xx(crawler, host, capsys):
    paths = sitemap_paths(crawler, host)
    assert len(paths) >= 2  # the hub has two pages; territories, many
    server_errors, requests = [], 0

    def fetch(method, path, **extra):
        nonlocal requests
        requests += 1
        response = getattr(crawler, method)(path, HTTP_HOST=host, **extra)
        if response.status_code >= 500:
            server_errors.append((method, path, response.status_code))
        return response

    for path in paths:
        assert fetch("get", path).status_code == 200, path
    for path in [*paths, *ROUTES]:
        for query in QUERIES:
            fetch("get", f"{path}?{query}")
        for method in ("post", "put", "delete", "patch"):
            status = fetch(method, path, data={"q": "x"}).status_code
            assert 400 <= status < 500, (method, path, status)
    for suffix in PATH_SUFFIXES:
        fetch("get", paths[-1] + suffix)
        fetch("get", "/" + suffix)

    with capsys.disabled():
        print(f"\n{host}: {requests} requests over {len(paths) + len(ROUTES)} URLs")
    assert server_errors == []


@pytest.mark.parametrize("host", ["evil.example.com", "localhost.evil.example", "a" * 300])
def test_an_unknown_host_is_refused_with_400(crawler, host):
    for path in ["/", "/sitemap.xml", "/robots.txt", "/projets/rsa-en-ligne/", "/admin/"]:
        assert crawler.get(path, HTTP_HOST=host).status_code == 400


# Malformed bulk action parameters: a 400 or 404, whatever the action and the model.
MALFORMED = [
    "id=abc",
    "id=",
    "id=1.5",
    "id=-1",
    "id=" + "9" * 30,
    "id=all&childOf=abc",
    "id=all&childOf=",
    "id=all&childOf=-1",
    "id=all&childOf=" + "9" * 30,
    "id=all&childOf=%00",
    "id=%00",
    "id=all&id=abc",
    "id=all&childOf=abc&q=Témoin",
]
# Odd but well-formed: any answer but a server error.
ODD = [
    "id=all&childOf=999999999",  # no such page (404), ignored by the user actions
    "id=all&q=%00",
    "id=all&q=%22",
    "id=all&q=(",
    "id=all&q=" + "irritant " * 300,
    "id=all&q=*&childOf=1",
    "",
]


def test_malformed_bulk_parameters_answer_4xx_never_500(admin_user):
    http = Client(raise_request_exception=False)
    territory = make_territory()
    make_project(territory)
    users = {role: make_user(territory, role) for role in ("editor", "publisher")}
    urls = list(every_bulk_action_url())
    errors = []
    for role, user in [*users.items(), ("admin", admin_user)]:
        http.force_login(user)
        for url in urls:
            for query in MALFORMED + ODD:
                response = http.get(f"{url}?{query}")
                status = response.status_code
                malformed = query in MALFORMED
                if status >= 500 or (malformed and status not in (302, 400, 403, 404)):
                    errors.append(f"{role} {url}?{query[:60]} → {status}")
            # A POST with malformed items changes nothing and fails cleanly too.
            response = http.post(f"{url}?id=all&childOf=abc", {"include_descendants": "on"})
            if response.status_code >= 500:
                errors.append(f"{role} POST {url}?id=all&childOf=abc → {response.status_code}")
    assert not errors, f"{len(errors)} failures:\n" + "\n".join(errors[:40])
