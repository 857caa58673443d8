"""A publication is answered only once no gunicorn worker can serve what it replaced: each
worker trusts the generations it read (from Redis or the database) for a lease
(home/generations.py), and the change waits it out, from the admin and from a command alike."""

import json
import re
import threading
import time
from contextlib import contextmanager

import pytest

from .services import MANAGE, ROOT, Gunicorn, admin_session, free_port, get, run

HOST, PATH = "var.localhost", "/projets/rsa-en-ligne/"
# A hundred times the default: a publication answered before the workers' leases ran out
# would be served stale long enough to be seen (longer than a command takes to exit).
LEASE_SECONDS = 5
# Every worker answers some of them (gunicorn's workers take turns on the listening socket).
READS = 24
# New titles for some of the Var's projects, saved as drafts, published or not.
DRAFTS = """
import json
import time
from projects.models import ProjectPage
ids = []
for slug, title in {titles!r}.items():
    page = ProjectPage.objects.get(slug=slug, url_path__startswith="/var/")
    page.title = title
    revision = page.save_revision()
    publishing_at = time.monotonic()
    {publish}
    ids.append(page.pk)
print(json.dumps({{"ids": ids, "publishing_at": publishing_at}}))
"""


@pytest.fixture(scope="module", params=["Redis", "database"])
def leased(request, live):
    """A gunicorn of its own on the live stack's database, with long leases (the other live
    tests' submissions would wait them out), the generations read from Redis or from the
    database (each worker then caches pages in its own memory)."""
    env = dict(live.server.env, GENERATIONS_LEASE_SECONDS=str(LEASE_SECONDS))
    if request.param == "database":
        env.pop("REDIS_URL")
    folder = live.folder / f"leased-{request.param}"
    folder.mkdir(exist_ok=True)
    server = Gunicorn(env, free_port(), folder)
    server.start()
    yield server
    server.stop()


def titles_served(server):
    """The project's title in each of READS answers, and how many came from the page cache."""
    titles, hits = set(), 0
    for _read in range(READS):
        status, body, headers = get(server, PATH, host=HOST)
        assert status == 200
        titles.add(re.search(r"<h1[^>]*>\s*([^<]+?)\s*</h1>", body.decode()).group(1))
        hits += headers["X-Page-Cache"] == "hit"
    return titles, hits


@contextmanager
def visitors_reading(server):
    """Visitors reading the page all along: every worker renews its lease meanwhile."""
    stopping = threading.Event()

    def read():
        while not stopping.is_set():
            get(server, PATH, host=HOST)

    threads = [threading.Thread(target=read) for _visitor in range(server.workers)]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stopping.set()
        for thread in threads:
            thread.join(15)


def shell(server, titles, publish):
    script = DRAFTS.format(titles=titles, publish="revision.publish()" if publish else "")
    result = run([*MANAGE, "shell", "-c", script], env=server.env, cwd=ROOT)
    # The monotonic clock is the machine's: comparable across its processes.
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_command_s_publication_is_served_by_every_worker_once_it_has_exited(leased):
    assert titles_served(leased)[1] > 0  # the workers hold the page and its generations

    with visitors_reading(leased):
        published = shell(
            leased, {"rsa-en-ligne": "RSA en ligne, publiée par une commande"}, publish=True
        )
        exited_at = time.monotonic()

    assert titles_served(leased)[0] == {"RSA en ligne, publiée par une commande"}
    # However long the workers' leases had left when it published.
    assert exited_at - published["publishing_at"] >= LEASE_SECONDS


def test_a_bulk_publication_is_answered_once_every_worker_serves_it(leased):
    server = leased
    titles = {
        "rsa-en-ligne": "RSA en ligne, publiée en lot",
        "apa-a-domicile": "APA à domicile, publiée en lot",
    }
    ids = shell(server, titles, publish=False)["ids"]
    assert "RSA en ligne, publiée en lot" not in titles_served(server)[0]
    assert titles_served(server)[1] == READS

    session, _response = admin_session(server)
    query = "&".join(f"id={page_id}" for page_id in ids)
    address = f"{server.base}/admin/bulk/wagtailcore/page/publish/?{query}"
    headers = {"Host": f"localhost:{server.port}"}
    cookies = {name: session.cookies.get(name) for name in ("sessionid", "csrftoken")}
    form = session.get(address, headers=headers, cookies=cookies, timeout=10)
    token = form.text.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    with visitors_reading(server):
        start = time.monotonic()
        answer = session.post(
            address,
            data={"csrfmiddlewaretoken": token},
            headers=headers,
            cookies=cookies,
            allow_redirects=False,
            timeout=10,
        )
        took = time.monotonic() - start

    assert answer.status_code == 302
    assert titles_served(server)[0] == {"RSA en ligne, publiée en lot"}
    # Once, not once per page.
    assert LEASE_SECONDS <= took < 2 * LEASE_SECONDS
