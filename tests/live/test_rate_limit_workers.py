"""Gunicorn with two workers and no Redis, on PostgreSQL: the submission rate limit is one count
for the whole server (not one per worker), and a request larger than the form can be gets its
413 while the client is still sending the body."""

import shutil
import socket
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from .services import (
    CALL_HOST,
    CALL_PATH,
    Gunicorn,
    PostgresCluster,
    exchange,
    free_port,
    irritant_fields,
    post_form,
    prepare_database,
    production_env,
)

LIMIT, ATTEMPTS = 10, 30


@pytest.fixture(scope="module")
def server():
    folder = Path(tempfile.mkdtemp(prefix="live-workers-"))
    cluster = PostgresCluster()
    gunicorn = None
    try:
        cluster.start()
        port = free_port()
        database_url = cluster.url("postgres")
        # No REDIS_URL: each worker's cache is its own memory.
        env = production_env(folder, database_url, IRRITANTS_RATE_LIMIT=f"{LIMIT}/3600")
        prepare_database(env, port)
        gunicorn = Gunicorn(env, port, folder, workers=2)
        gunicorn.start()
        gunicorn.database_url = database_url
        yield gunicorn
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        cluster.remove()
        shutil.rmtree(folder, ignore_errors=True)


def submit(server, title):
    """A valid irritant posted as a browser does: the POST's status and redirection."""
    status, _body, headers = post_form(server, CALL_PATH, irritant_fields(title))
    return status, headers.get("Location", "")


def stored(database_url, marker):
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute(
            "SELECT count(*) FROM irritants_irritant WHERE title LIKE %s", [f"%{marker}%"]
        ).fetchone()[0]


def test_the_rate_limit_counts_once_for_all_workers(server):
    marker = f"limite-{uuid.uuid4().hex[:12]}"
    # Six at a time: while one worker is busy the other answers, so both count.
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda n: submit(server, f"{marker} {n}"), range(ATTEMPTS)))

    statuses = sorted(status for status, _location in results)
    assert statuses == [302] * LIMIT + [429] * (ATTEMPTS - LIMIT), server.errors_logged()
    assert all("/merci/?ref=" in location for status, location in results if status == 302)
    assert stored(server.database_url, marker) == LIMIT


def test_an_oversized_request_gets_413_before_its_body_is_sent(server):
    limit = 3 * 5 * 1024 * 1024 + 64 * 1024  # the defaults: 3 attachments of 5 MB and the text
    head = (
        f"POST {CALL_PATH} HTTP/1.1\r\nHost: {CALL_HOST}:{server.port}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {limit + 1}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        # The headers and the first kilobyte of a 15 MB body, then wait for the answer.
        connection.sendall(head + b"x" * 1024)
        answer = b""
        while b"</html>" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk

    assert answer.startswith(b"HTTP/1.1 413 "), answer[:300]
    assert b"<h1>" in answer  # the page that says nothing was recorded
    # The server goes on serving.
    assert exchange(server, "GET", CALL_PATH)[0] == 200


def test_a_body_without_a_length_is_refused(server):
    status, _body, _headers = exchange(
        server,
        "POST",
        CALL_PATH,
        iter([b"title=x"]),  # an iterable body: http.client sends it chunked
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 411
