"""What is the same for every visitor leaves gzipped, and is stored gzipped; what carries a
secret never is (BREACH); a HEAD answer has no body."""

import gzip
import io

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import StreamingHttpResponse
from django.test import Client, RequestFactory

from pagecache.middleware import entry_key, same_for_everyone

pytestmark = pytest.mark.django_db

VAR, HUB, PAU = "var.localhost", "localhost", "pau.localhost"
CALL = "/appels/appel-a-irritants-saison-2/"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
# Pages, listings, feeds, a sitemap and the open data.
SAME_FOR_EVERYONE = [
    (VAR, "/projets/rsa-en-ligne/"),
    (VAR, "/actualites/"),
    (HUB, "/"),
    (HUB, "/flux/rss.xml"),
    (VAR, "/sitemap.xml"),
    (HUB, "/api/projects.json"),
    (HUB, "/api/territories.json"),
    (VAR, "/recherche/?q=rsa"),
]


@pytest.mark.parametrize(("host", "path"), SAME_FOR_EVERYONE)
def test_answers_the_same_for_everyone_are_gzipped_for_who_accepts_it(client, host, path):
    plain = client.get(path, HTTP_HOST=host)
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    for _attempt in range(2):  # the miss, then the hit (or a second rendering)
        compressed = client.get(path, HTTP_HOST=host, **GZIP)
        assert compressed["Content-Encoding"] == "gzip"
        assert int(compressed["Content-Length"]) == len(compressed.content)
        assert len(compressed.content) < len(plain.content) / 2
        assert gzip.decompress(compressed.content) == plain.content
        assert compressed["ETag"] == plain["ETag"]


def test_the_cache_holds_the_gzipped_bytes_a_hit_sends(client):
    path = "/projets/rsa-en-ligne/"
    miss = client.get(path, HTTP_HOST=VAR, **GZIP)
    request = RequestFactory().get(path, HTTP_HOST=VAR)
    *_generations, headers, content, gzipped = cache.get(entry_key(request, VAR, "fr"))
    assert gzipped == miss.content
    assert gzip.decompress(gzipped) == content
    hit = client.get(path, HTTP_HOST=VAR, **GZIP)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert hit.content == gzipped


def test_a_browser_copy_is_current_whichever_encoding_it_got(client):
    compressed = client.get("/projets/rsa-en-ligne/", HTTP_HOST=VAR, **GZIP)
    assert compressed["ETag"].startswith('W/"')
    for headers in ({}, GZIP):
        again = client.get(
            "/projets/rsa-en-ligne/",
            HTTP_HOST=VAR,
            HTTP_IF_NONE_MATCH=compressed["ETag"],
            **headers,
        )
        assert again.status_code == 304


def test_the_streamed_csv_is_gzipped_as_it_is_produced(client):
    plain = client.get("/api/projects.csv", HTTP_HOST=HUB)
    compressed = client.get("/api/projects.csv", HTTP_HOST=HUB, **GZIP)
    assert compressed.streaming and compressed["Content-Encoding"] == "gzip"
    body = b"".join(compressed.streaming_content)
    assert gzip.decompress(body) == b"".join(plain.streaming_content)


def test_nothing_with_a_secret_is_compressed(client, django_user_model):
    # The call's form holds the visitor's CSRF token next to what the visitor may type.
    form = client.get(CALL, HTTP_HOST=PAU, **GZIP)
    assert form.status_code == 200 and 'name="csrfmiddlewaretoken"' in form.content.decode()
    assert "Content-Encoding" not in form
    # The admin.
    login = client.get("/admin/login/", HTTP_HOST=HUB, **GZIP)
    assert "Content-Encoding" not in login
    # Any request of a session: an editor reading the public site.
    editor = Client()
    editor.force_login(django_user_model.objects.create_user("editeur"))
    page = editor.get("/projets/rsa-en-ligne/", HTTP_HOST=VAR, **GZIP)
    assert page.status_code == 200
    assert "Content-Encoding" not in page


def wsgi(method, path, host):
    """The answer as the WSGI server gets it (Django's test client drops HEAD bodies itself).
    As the test client, it keeps the test's database connection open (and its transaction)
    across the request's start and end signals."""
    environ = RequestFactory().generic(method, path, HTTP_HOST=host).environ
    started = {}

    def start_response(status, headers):
        started.update(status=status, headers=dict(headers))

    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    try:
        result = WSGIHandler()(environ, start_response)
        try:
            body = io.BytesIO(b"".join(result)).getvalue()
        finally:
            result.close()
    finally:
        for signal in signals:
            signal.connect(close_old_connections)
    return started["status"], started["headers"], body


@pytest.mark.parametrize(
    ("path", "status"),
    [("/projets/rsa-en-ligne/", "200 OK"), ("/media/images/absente.jpg", "404 Not Found")],
)
def test_a_head_answer_has_the_get_headers_and_no_body(path, status):
    get_status, get_headers, get_body = wsgi("GET", path, VAR)
    head_status, head_headers, head_body = wsgi("HEAD", path, VAR)
    assert get_status == head_status == status
    assert get_body and head_body == b""
    assert head_headers["Content-Length"] == get_headers["Content-Length"]


@pytest.mark.parametrize(
    "personal",
    [
        {"Cache-Control": "private"},
        {"Cache-Control": "no-store"},
        {"cookie": "session"},
    ],
)
def test_a_streamed_answer_of_one_visitor_is_never_compressed(personal):

    request = RequestFactory().get("/export.csv", HTTP_ACCEPT_ENCODING="gzip")
    response = StreamingHttpResponse(iter([b"secret;" * 100]), content_type="text/csv")
    if "cookie" in personal:
        response.set_cookie("sessionid", personal["cookie"])
    else:
        response["Cache-Control"] = personal["Cache-Control"]

    same_for_everyone(request, response)

    assert not response.has_header("Content-Encoding")
    assert b"".join(response.streaming_content) == b"secret;" * 100


def test_a_streamed_answer_for_everyone_is_compressed():

    request = RequestFactory().get("/export.csv", HTTP_ACCEPT_ENCODING="gzip")
    response = StreamingHttpResponse(iter([b"public;" * 100]), content_type="text/csv")

    same_for_everyone(request, response)

    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(response.streaming_content)) == b"public;" * 100
