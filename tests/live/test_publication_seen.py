"""A publication is answered only once no gunicorn worker can serve what it replaced: each
worker trusts the generations it read from Redis for a lease (home/generations.py), and the
change waits it out, from the admin and from a command alike."""

import json
import re
import threading
import time
from contextlib import contextmanager

from .services import MANAGE, ROOT, admin_session, get, run

HOST, PATH = "var.localhost", "/projets/rsa-en-ligne/"
# Every worker answers some of them (gunicorn's workers take turns on the listening socket).
READS = 24
DRAFT = """
import json
from projects.models import ProjectPage
page = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
page.title = {title!r}
revision = page.save_revision()
{publish}
print(json.dumps({{"id": page.pk}}))
"""


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


def shell(live, title, publish):
    script = DRAFT.format(title=title, publish="revision.publish()" if publish else "")
    result = run([*MANAGE, "shell", "-c", script], env=live.server.env, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])["id"]


def test_a_command_s_publication_is_served_by_every_worker_once_it_has_exited(live):
    assert titles_served(live.server)[1] > 0  # the workers hold the page and its generations

    with visitors_reading(live.server):
        shell(live, "RSA en ligne, publiée par une commande", publish=True)

    assert titles_served(live.server)[0] == {"RSA en ligne, publiée par une commande"}


def test_a_bulk_publication_is_answered_once_every_worker_serves_it(live):
    server = live.server
    page_id = shell(live, "RSA en ligne, publiée en lot", publish=False)
    assert "RSA en ligne, publiée en lot" not in titles_served(server)[0]
    assert titles_served(server)[1] == READS

    session, _response = admin_session(server)
    address = f"{server.base}/admin/bulk/wagtailcore/page/publish/?id={page_id}"
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
    assert took >= float(server.env["GENERATIONS_LEASE_SECONDS"])
