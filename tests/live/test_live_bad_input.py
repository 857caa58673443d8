"""What only a real HTTP server receives: huge headers, malformed request lines and unknown
hosts are refused with a 4xx (by gunicorn, or Django for the host), never a 5xx, and the
server keeps serving."""

import socket

import pytest

from .services import get


def raw_exchange(server, request):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def status_of(answer):
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "request_bytes",
    [
        # A 100 KB header.
        b"GET / HTTP/1.1\r\nHost: var.localhost\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n",
        # Too many headers.
        b"GET / HTTP/1.1\r\nHost: var.localhost\r\n" + b"X-H: 1\r\n" * 500 + b"\r\n",
        # A request line of 10 KB.
        b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: var.localhost\r\n\r\n",
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: var.localhost\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\nHost: var.localhost\r\n\r\n",
        b"G\xffT / HTTP/1.1\r\nHost: var.localhost\r\n\r\n",
        # A host no site claims and ALLOWED_HOSTS does not list: Django's 400.
        b"GET / HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n",
    ],
    ids=[
        "huge-header",
        "many-headers",
        "long-line",
        "garbage",
        "version",
        "null",
        "method",
        "unknown-host",
    ],
)
def test_malformed_requests_get_a_4xx_from_gunicorn(live, request_bytes):
    answer = raw_exchange(live.server, request_bytes)

    assert 400 <= status_of(answer) < 500, answer[:200]
    assert get(live.server, "/", host="var.localhost")[0] == 200
