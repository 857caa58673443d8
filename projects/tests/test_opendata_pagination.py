"""The open data at any size: the JSON API in keyset pages, the CSV export streamed in batches.

What is asserted is what a consumer relies on (every project once when following the
links, the page size bounds, a 400 for what names no page) and what keeps it fast whatever
the network's size: the same queries per page and per batch, never a page that grows.
"""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from projects import views
from projects.keyset import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from projects.models import ProjectIndexPage, ProjectPage
from territories.services import section_of
from testing import make_project, make_territory

pytestmark = pytest.mark.django_db

HUB = "localhost"
# The export's columns and their order, as spreadsheets and scripts already read them.
HEADER = (
    "id,slug,language,name,pitch,url,territory,current_phase,phases,themes,user_types,service,source_code,"
    "statistics,budget,indicators,last_published_at"
)


@pytest.fixture(autouse=True)
def rendered_every_time(settings):
    # What is measured is the view, not the page cache.
    settings.PAGECACHE_ENABLED = False


def get(client, query="", host=HUB, path="/api/projects.json"):
    return client.get(f"{path}{query}", HTTP_HOST=host)


def page(client, url_or_query="", host=HUB):
    """A page of the API, by a links.* address or a query string."""
    if url_or_query.startswith("http"):
        parts = urlsplit(url_or_query)
        response = client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.netloc)
    else:
        response = get(client, url_or_query, host)
    assert response.status_code == 200, response.content
    return response.json()


def ids(payload):
    return [record["id"] for record in payload["data"]]


def walk(client, start, direction="next", host=HUB):
    """The pages met following links.<direction> from ``start`` to the end, as id lists."""
    pages, payload = [], page(client, start, host)
    while True:
        pages.append(ids(payload))
        if payload["links"][direction] is None:
            return pages, payload
        payload = page(client, payload["links"][direction])


def csv_text(response):
    return response.getvalue().decode("utf-8")


@pytest.fixture
def two_territories():
    """Two territories of four and three projects, besides the demo's on the hub."""
    first, second = make_territory(), make_territory()
    for number in range(4):
        make_project(first, f"Projet du premier {number}")
    for number in range(3):
        make_project(second, f"Projet du second {number}")
    return first, second


def test_following_next_then_prev_walks_every_project_exactly_once(client, two_territories):
    everything = page(client, f"?page_size={MAX_PAGE_SIZE}")
    total = everything["meta"]["count"]
    assert len(everything["data"]) == total >= 7 and everything["links"]["next"] is None

    forward, last = walk(client, "?page_size=3")

    assert [len(ids) for ids in forward[:-1]] == [3] * (len(forward) - 1)
    assert sum(forward, []) == ids(everything)  # in order, none twice, none missing
    assert last["meta"]["count"] == total and last["meta"]["page_size"] == 3
    first_slug = two_territories[0].slug
    on_its_host, _last = walk(client, f"?page_size=2&territory={first_slug}")
    assert [len(ids) for ids in on_its_host] == [2, 2]
    backward, first = walk(client, last["links"]["prev"], "prev")
    assert backward == forward[-2::-1]  # the same pages on the way back
    assert first["links"]["prev"] is None
    assert ids(page(client, first["links"]["first"])) == forward[0]


def test_links_are_absolute_and_keep_the_other_parameters(client, two_territories):
    first, _second = two_territories

    payload = page(client, f"?territory={first.slug}&page_size=3")

    parts = urlsplit(payload["links"]["next"])
    assert f"{parts.scheme}://{parts.netloc}" == "http://localhost"
    assert parts.path == "/api/projects.json"
    query = parse_qs(parts.query)
    assert query["territory"] == [first.slug] and query["page_size"] == ["3"]
    assert set(query) == {"territory", "page_size", "after"}
    assert payload["links"]["prev"] is None
    pages, _last = walk(client, f"?territory={first.slug}&page_size=3")
    assert [len(ids) for ids in pages] == [3, 1]
    assert {id.split("/")[0] for id in sum(pages, [])} == {first.slug}
    # The English API's links stay in English.
    english = page(client, "http://localhost/en/api/projects.json?page_size=1")
    assert english["links"]["first"] == "http://localhost/en/api/projects.json?page_size=1"


def test_a_territory_host_pages_through_its_own_projects_only(client, two_territories):
    first, second = two_territories

    payload = page(client, "?page_size=3", host=second.site.hostname)

    assert payload["meta"]["count"] == 3 and payload["links"]["next"] is None
    assert {id.split("/")[0] for id in ids(payload)} == {second.slug}
    assert page(client, "?page_size=3", host=first.site.hostname)["meta"]["count"] == 4


def test_the_page_size_has_a_default_and_a_maximum(client):
    territory = make_territory()
    make_project(territory)

    assert page(client)["meta"]["page_size"] == DEFAULT_PAGE_SIZE
    assert page(client, "?page_size=")["meta"]["page_size"] == DEFAULT_PAGE_SIZE
    assert page(client, f"?page_size={MAX_PAGE_SIZE}")["meta"]["page_size"] == MAX_PAGE_SIZE
    response = get(client, f"?page_size={MAX_PAGE_SIZE + 1}")
    assert response.status_code == 400
    assert str(MAX_PAGE_SIZE) in response.json()["error"]


@pytest.mark.parametrize(
    "query",
    [
        "?page_size=0",
        "?page_size=-1",
        "?page_size=abc",
        "?page_size=1.5",
        "?page_size=%EF%BC%99",  # a full-width digit: isdigit() says yes, int() too
        "?page_size=" + "9" * 40,
        "?page_size=%00",
        "?after=zz",
        "?after=%00",
        "?after=0001%27--",
        "?before=" + "0001" * 100,
        "?after=00010001&before=00010002",
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, query):
    territory = make_territory()
    make_project(territory)

    response = get(client, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response.json()) == {"error"} and response.json()["error"]


def test_a_cursor_past_either_end_gives_an_empty_page(client, two_territories):
    second = two_territories[1].site.hostname
    for query in ("?after=ZZZZ", "?before=0000"):
        payload = page(client, query, host=second)
        assert payload["data"] == [] and payload["meta"]["count"] == 3
        assert payload["links"]["next"] is None and payload["links"]["prev"] is None


def page_queries(client, query):
    get(client, query)  # fills the caches of the site lookup and identity
    with CaptureQueriesContext(connection) as queries:
        assert get(client, query).status_code == 200
    return len(queries)


def test_a_page_costs_the_same_queries_however_many_projects(client):
    territory = make_territory()
    projects = [make_project(territory, f"Projet {number}") for number in range(3)]
    # First page, a page after a cursor, a page before one.
    queries = ["?page_size=2", f"?page_size=2&after={projects[0].path}"]
    queries.append(f"?page_size=2&before={projects[2].path}")
    before = [page_queries(client, query) for query in queries]

    for number in range(3, 9):
        make_project(make_territory() if number % 2 else territory, f"Projet {number}")

    assert [page_queries(client, query) for query in queries] == before
    assert page(client, queries[1])["links"]["next"] is not None  # there is more to read


def csv_queries(client, host):
    get(client, host=host, path="/api/projects.csv").getvalue()
    with CaptureQueriesContext(connection) as queries:
        # A streamed answer reads the database while it is consumed.
        get(client, host=host, path="/api/projects.csv").getvalue()
    return len(queries)


def test_the_csv_export_is_streamed_with_the_same_columns_and_format(client, two_territories):
    response = get(client, path="/api/projects.csv")

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="projets.csv"'
    assert response["Access-Control-Allow-Origin"] == "*"
    text = csv_text(response)
    # A byte order mark (spreadsheets then read UTF-8), commas, CRLF line ends.
    assert text.startswith("\ufeff" + HEADER + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    walked, _last = walk(client, "?page_size=2")
    assert [row["id"] for row in rows] == sum(walked, [])
    records = {record["id"]: record for record in page(client)["data"]}
    for row in rows:
        record = records[row["id"]]
        assert row["name"] == record["name"] and row["url"] == record["url"]
        assert row["territory"] == record["territory"]["name"]


def test_the_csv_batches_give_the_same_file_and_the_same_queries_per_batch(
    client, two_territories, monkeypatch
):
    first, _second = two_territories
    host = first.site.hostname
    whole = csv_text(get(client, host=host, path="/api/projects.csv"))
    assert whole.count("\r\n") == 1 + 4
    monkeypatch.setattr(views, "CSV_BATCH", 3)

    # 4 projects in batches of 3: the last batch is short.
    assert csv_text(get(client, host=host, path="/api/projects.csv")) == whole
    two_batches = csv_queries(client, host)
    make_project(first, "Projet de plus")
    make_project(first, "Projet de plus encore")
    # 6: two full batches, then an empty read; the same file as with one batch.
    six = csv_text(get(client, host=host, path="/api/projects.csv"))
    monkeypatch.setattr(views, "CSV_BATCH", 500)
    assert csv_text(get(client, host=host, path="/api/projects.csv")) == six
    assert six.count("\r\n") == 1 + 6
    monkeypatch.setattr(views, "CSV_BATCH", 3)
    assert csv_queries(client, host) == two_batches + 1  # the read that finds nothing more
    # On the hub, the demo's projects as well: the same file in batches of 3 or of 500.
    hub = csv_text(get(client, path="/api/projects.csv"))
    monkeypatch.setattr(views, "CSV_BATCH", 500)
    assert csv_text(get(client, path="/api/projects.csv")) == hub


def test_a_territory_without_projects_exports_the_header_alone(client):
    territory = make_territory()

    response = get(client, host=territory.site.hostname, path="/api/projects.csv")

    assert csv_text(response) == "\ufeff" + HEADER + "\r\n"
    assert response["Content-Disposition"] == f'attachment; filename="projets-{territory.slug}.csv"'


def test_unpublished_private_and_unlaunched_projects_appear_on_no_page_and_in_no_csv(client):
    territory = make_territory()
    shown = make_project(territory, "Projet public")
    restricted = make_project(territory, "Projet réservé")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    taken_down = make_project(territory, "Projet retiré")
    taken_down.unpublish()
    index = section_of(territory.home, ProjectIndexPage)
    draft = index.add_child(
        instance=ProjectPage(
            title="Projet en brouillon",
            pitch="Pas encore relu.",
            problem="<p>Un problème.</p>",
            solution="<p>Une solution.</p>",
            live=False,
        )
    )
    draft.save_revision()
    in_preparation = make_territory(launched=False)
    unlaunched = make_project(in_preparation, "Projet d'un territoire en préparation")
    hidden = [restricted, taken_down, draft, unlaunched]

    hidden_ids = {f"{project.get_parent().get_parent().slug}/{project.slug}" for project in hidden}

    for host in (HUB, territory.site.hostname):
        pages, last = walk(client, "?page_size=2", host=host)
        exported = csv_text(get(client, host=host, path="/api/projects.csv"))
        csv_ids = [row["id"] for row in csv.DictReader(io.StringIO(exported[1:]))]
        assert sum(pages, []) == csv_ids and last["meta"]["count"] == len(csv_ids)
        assert f"{territory.slug}/{shown.slug}" in csv_ids
        assert not hidden_ids & set(csv_ids), host
    assert csv_ids == [f"{territory.slug}/{shown.slug}"]  # the territory's host
    for project in hidden:
        # A cursor next to a hidden project does not reveal it either.
        for query in (f"?after={project.path[:-4]}", f"?before={project.path}0001"):
            response = get(client, query)
            assert response.status_code == 200
            assert project.slug not in response.content.decode()
        assert project.slug not in get(client, path="/api/projects.csv").getvalue().decode()
