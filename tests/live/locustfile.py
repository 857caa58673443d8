"""Locust's visitors for the load test (run by tests/live/load.py, headless).

Each simulated visitor reads public pages of every site (every URL the sitemaps list: every
page type of the demo, in both languages), searches, and now and then reports an irritant on
the open call, with a unique marker in its title. At the end the figures and the markers of
the submissions that were confirmed are written to LOAD_RESULTS as JSON.

Environment: LOAD_PORT (gunicorn's port on 127.0.0.1), LOAD_SITES (host names, comma
separated), LOAD_CALL ("host path" of the open call), LOAD_RESULTS (a file path).
"""

import json
import os
import random
import re
import uuid
import xml.etree.ElementTree as ElementTree
from collections import Counter
from urllib.parse import urlsplit

import requests
from locust import HttpUser, between, events, task

PORT = os.environ["LOAD_PORT"]
SITES = os.environ["LOAD_SITES"].split(",")
CALL_HOST, CALL_PATH = os.environ["LOAD_CALL"].split(" ")
SEARCHES = ["irritant", "projet", "numérique", "accueil", "solidarité", "compost", "rsa", "zz"]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

pages = []  # (host, path) of every page in the sitemaps
statuses = Counter()
confirmed = []  # markers of the submissions whose confirmation page was received


@events.test_start.add_listener
def read_sitemaps(environment, **kwargs):
    for site in SITES:
        response = requests.get(
            f"http://127.0.0.1:{PORT}/sitemap.xml", headers={"Host": f"{site}:{PORT}"}, timeout=30
        )
        response.raise_for_status()
        for loc in ElementTree.fromstring(response.content).iterfind("sm:url/sm:loc", SITEMAP_NS):
            url = urlsplit(loc.text)
            pages.append((url.hostname, url.path))


@events.request.add_listener
def count_status(response=None, **kwargs):
    statuses[getattr(response, "status_code", None) or "no answer"] += 1


@events.test_stop.add_listener
def write_results(environment, **kwargs):
    total = environment.stats.total
    results = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": total.total_rps,
        "median_ms": total.median_response_time,
        "p95_ms": total.get_response_time_percentile(0.95),
        "max_ms": total.max_response_time,
        "statuses": {str(code): count for code, count in statuses.items()},
        "pages": len(pages),
        "confirmed": confirmed,
    }
    with open(os.environ["LOAD_RESULTS"], "w") as file:
        json.dump(results, file)


class Visitor(HttpUser):
    host = f"http://127.0.0.1:{PORT}"
    wait_time = between(0.5, 1.5)

    def _get(self, host, path, name, **kwargs):
        return self.client.get(path, headers={"Host": f"{host}:{PORT}"}, name=name, **kwargs)

    @task(10)
    def read_a_page(self):
        host, path = random.choice(pages)
        self._get(host, path, name="page")

    @task(3)
    def search(self):
        site = random.choice(SITES)
        self._get(site, f"/recherche/?q={random.choice(SEARCHES)}", name="search")

    @task(1)
    def report_an_irritant(self):
        form = self._get(CALL_HOST, CALL_PATH, name="call form")
        token = TOKEN.search(form.text)
        if token is None:
            return
        marker = f"charge-{uuid.uuid4().hex}"
        data = {
            "csrfmiddlewaretoken": token.group(1),
            "title": f"Test de charge {marker}",
            "problem": "Le même justificatif est demandé à chaque guichet, à chaque visite.",
            "consequences": "Des allers-retours et des dossiers incomplets.",
            "people_affected": "Les usagers des guichets",
            "service": "Accueil",
            "solution_idea": "",
            "submitter_name": "Agent de test",
            "submitter_email": "agent.test@example.org",
            "submitter_service": "Accueil",
            "consent": "on",
            "website": "",  # the honeypot stays empty
        }
        response = self.client.post(
            CALL_PATH,
            data=data,
            headers={"Host": f"{CALL_HOST}:{PORT}"},
            # The CSRF cookie is Secure in production: a client on plain HTTP keeps it but
            # does not send it back on its own (browsers do, on localhost).
            cookies={"csrftoken": self.client.cookies.get("csrftoken", "")},
            name="irritant submission",
        )
        # Redirects are followed: a confirmation page that names the reference.
        if response.status_code == 200 and "/merci/" in response.url:
            confirmed.append(marker)
