"""Faults on the live stack: PostgreSQL stopped under load, Redis killed, and both brought
back, without restarting gunicorn."""

import json
import threading
import time

import requests

from .services import CALL_HOST, CALL_PATH, admin_session, get

PAGES = [
    ("localhost", "/"),
    ("var.localhost", "/"),
    ("var.localhost", "/projets/rsa-en-ligne/"),
    ("pau.localhost", CALL_PATH),
    ("grandest.localhost", "/en/"),
    ("pasdecalais.localhost", "/recherche/?q=projet"),
]


class BackgroundLoad:
    """A few visitors reading PAGES in a loop; every answer's status and time is kept."""

    def __init__(self, server, visitors=6):
        self.server, self.answers, self.stopping = server, [], threading.Event()
        self.threads = [threading.Thread(target=self._visit, args=(n,)) for n in range(visitors)]

    def _visit(self, number):
        while not self.stopping.is_set():
            host, path = PAGES[number % len(PAGES)]
            start = time.monotonic()
            status, _body, _headers = get(self.server, path, host=host, timeout=15)
            self.answers.append((status, time.monotonic() - start))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def all_pages_answer(server, status):
    return all(get(server, path, host=host)[0] == status for host, path in PAGES)


def healthz(server):
    status, body, _headers = get(server, "/healthz")
    return status, json.loads(body)["checks"]


def all_healthy(server):
    return all(
        healthz(server) == (200, {"database": "ok", "cache": "ok"})
        for _answer in range(4 * server.workers)
    ) and all_pages_answer(server, 200)


def test_postgresql_stopped_under_load_answers_503_then_recovers_by_itself(live):
    server = live.server
    assert all_pages_answer(server, 200)

    with BackgroundLoad(server) as load:
        time.sleep(2)
        live.cluster.stop()
        outage_start = time.monotonic()
        try:
            time.sleep(1)
            # A page the cache does not hold needs the database.
            uncached = [
                (host, f"{path}{'&' if '?' in path else '?'}panne=1") for host, path in PAGES
            ]
            hits = 0
            for host, path in PAGES + uncached:
                start = time.monotonic()
                status, body, headers = get(server, path, host=host)
                assert time.monotonic() - start < 5  # not a hang
                if headers.get("X-Page-Cache") == "hit":
                    # Still current by the generations in Redis: nothing can be published
                    # while the database is down.
                    assert status == 200
                    hits += 1
                    continue
                assert status == 503, (host, path)
                text = body.decode()
                # In the language of the page's URL.
                if path.startswith("/en/"):
                    assert "Service temporarily unavailable" in text
                else:
                    assert "Service temporairement indisponible" in text
                assert "Traceback" not in text and "OperationalError" not in text
                assert headers["Retry-After"] == "30"
            # The pages read before the outage, but not the call's form nor the search.
            assert hits == len(PAGES) - 2
            status, checks = healthz(server)
            assert status == 503
            assert checks["database"].startswith("error: ")
            assert checks["cache"] == "ok"
            # A long outage, as on a slow machine: the pools' reconnection attempts back off
            # meanwhile, and must not keep a worker away from the database once it is back.
            time.sleep(max(0, outage_start + 40 - time.monotonic()))
        finally:
            live.cluster.start()
        restarted = time.monotonic()
        # Back without restarting gunicorn: kept connections are checked and replaced, on
        # every worker (each has its own pool; a few answers per worker).
        assert wait_for(lambda: all_healthy(server), timeout=20)
        assert time.monotonic() - restarted < 8
        time.sleep(2)

    assert all_healthy(server)
    statuses = {status for status, _elapsed in load.answers}
    # Never a 500, never left without an answer; on failure, the server's own account of it.
    assert statuses <= {200, 503}, (statuses, server.errors_logged())
    assert 503 in statuses and 200 in statuses
    assert max(elapsed for _status, elapsed in load.answers) < 10


def admin_status(server, session):
    response = session.get(
        f"{server.base}/admin/",
        headers={"Host": f"localhost:{server.port}"},
        cookies={"sessionid": session.cookies.get("sessionid")},
        allow_redirects=False,
        timeout=10,
    )
    return response.status_code


def test_admin_session_cookie_is_secure_and_http_only_in_production(live):
    _session, response = admin_session(live.server)

    cookie = next(c for c in response.raw.headers.getlist("Set-Cookie") if "sessionid=" in c)
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"secure", "httponly"} <= attributes
    assert "samesite=lax" in cookie.lower()


def submit_irritant(server, marker):
    """Send the call's form as an agent would; True when the confirmation page came back."""
    session = requests.Session()
    url, headers = f"{server.base}{CALL_PATH}", {"Host": f"{CALL_HOST}:{server.port}"}
    form = session.get(url, headers=headers, timeout=10)
    token = form.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    data = {
        "csrfmiddlewaretoken": token,
        "title": f"Panne de cache {marker}",
        "problem": "Les usagers rappellent trois fois avant de joindre le bon service.",
        "consequences": "Des demandes perdues.",
        "people_affected": "Les usagers du standard",
        "service": "Standard",
        "submitter_name": "Agent de test",
        "submitter_email": "agent.test@example.org",
        "submitter_service": "Standard",
        "consent": "on",
        "website": "",
    }
    cookies = {"csrftoken": session.cookies.get("csrftoken")}
    response = session.post(url, data=data, headers=headers, cookies=cookies, timeout=10)
    return response.status_code == 200 and "/merci/" in response.url


def test_redis_killed_the_site_serves_uncached_and_health_names_the_cache(live):
    host = "var.localhost"
    server = live.server
    session, _response = admin_session(server)
    assert admin_status(server, session) == 200

    live.redis.kill()
    try:
        for _ in range(3):
            start = time.monotonic()
            assert get(server, "/", host=host)[0] == 200
            assert time.monotonic() - start < 5
        assert all_pages_answer(server, 200)
        # Sessions live in the database too: the editor stays signed in.
        assert admin_status(server, session) == 200
        # The rate limit fails open: agents can still report an irritant.
        assert submit_irritant(server, "redis-down")
        status, checks = healthz(server)
        assert status == 503
        assert checks == {"database": "ok", "cache": checks["cache"]}
        assert checks["cache"].startswith("error: ")
    finally:
        live.redis.start()

    assert wait_for(lambda: healthz(server) == (200, {"database": "ok", "cache": "ok"}), 10)
    assert all_pages_answer(server, 200)
    assert admin_status(server, session) == 200
