"""Listings cost the same number of SQL queries however much content a territory has."""

import json
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectDecision,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    Theme,
)

pytestmark = pytest.mark.django_db

# Every public page type and listing, with the query string a visitor would use. Each costs at
# most CEILING queries, the same with twelve more projects and news items; at most
# COLD_CEILING the first time it is rendered after a publication, every cache emptied.
CEILING = 15
COLD_CEILING = 20
VAR, HUB = "var.localhost", "localhost"
PAGES = [
    (HUB, "/"),  # the hub
    (HUB, "/catalogue/"),
    (HUB, "/catalogue/?theme=solidarites&page=2"),
    (HUB, "/catalogue/a-reutiliser/"),
    (VAR, "/"),  # a territory's home
    (VAR, "/projets/"),
    (VAR, "/projets/rsa-en-ligne/"),
    (VAR, "/actualites/"),
    (VAR, "/actualites/?page=2"),
    (VAR, "/actualites/lancement-pre-incubation-2019/"),
    (VAR, "/appels/"),
    (VAR, "/appels/appel-a-irritants-2018/"),
    (VAR, "/resultats/"),
    (VAR, "/a-propos/"),
    (VAR, "/recherche/?q=rsa"),
    (VAR, "/en/projets/rsa-en-ligne/"),
    (HUB, "/flux/rss.xml"),
    (VAR, "/flux/atom.xml"),
    (VAR, "/flux/projets/rsa-en-ligne/rss.xml"),
    (HUB, "/api/projects.json"),
    (VAR, "/api/projects.csv"),
    (HUB, "/api/territories.json"),
]


def query_counts(client, django_assert_max_num_queries):
    counts = {}
    for host, path in PAGES:
        # The first request fills the caches that spare the next ones the site lookup, the
        # site's identity and menu, and the walk down the page tree.
        client.get(path, HTTP_HOST=host)
        with django_assert_max_num_queries(CEILING) as queries:
            response = client.get(path, HTTP_HOST=host)
            assert response.status_code == 200, (host, path)
            response.getvalue()  # a streamed answer (the CSV export) reads as it is consumed
        counts[host + path] = len(queries)
    return counts


def grow_var(count):
    """Projects with themes, phases, decisions and measured indicators, and news about them."""
    projects = ProjectIndexPage.objects.get(url_path="/var/projets/")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")
    rsa = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    themes = list(rsa.themes.all()) + list(Theme.objects.filter(slug="solidarites"))
    indicator = {
        "type": "indicator",
        "value": {
            "name": "Usagers servis",
            "category": "used",
            "unit": "usagers",
            "direction": "higher",
            "baseline": "0",
            "target": "100",
            "description": "",
            "highlighted": True,
            "measurements": [{"date": f"2024-0{month}-01", "value": "10"} for month in (1, 2, 3)],
        },
    }
    for number in range(count):
        project = ProjectPage(
            title=f"Projet mesuré {number}",
            slug=f"projet-mesure-{number}",
            pitch="Un projet de plus.",
            problem="<p>Un problème.</p>",
            solution="<p>Une solution.</p>",
            shareable=True,
            indicators=json.dumps([indicator, indicator]),
            phases=[ProjectPhase(phase="construction", start_date=date(2024, 1, 1))],
            decisions=[ProjectDecision(date=date(2024, 2, 1), decision="continue", reason="Oui.")],
            themes=themes,
        )
        projects.add_child(instance=project).save_revision().publish()
        item = NewsPage(
            title=f"Nouvelle mesurée {number}",
            slug=f"nouvelle-mesuree-{number}",
            date=date(2024, 1, 1),
            related_projects=[NewsPageProject(project=rsa)],
        )
        news.add_child(instance=item).save_revision().publish()


def test_every_page_type_costs_the_same_queries_with_more_content(
    client, settings, django_assert_max_num_queries
):
    # Rendered each time: what is measured is the page, not the page cache.
    settings.PAGECACHE_ENABLED = False
    before = query_counts(client, django_assert_max_num_queries)

    grow_var(12)

    assert query_counts(client, django_assert_max_num_queries) == before
    # The growth is visible: the listings did get longer.
    assert len(client.get("/api/projects.json").json()["data"]) >= 12 + 11
    assert "Nouvelle mesurée 11" in client.get("/actualites/", HTTP_HOST=VAR).content.decode()


def publish_something():
    """A publication on the Var's site and on the hub (a project shows on both): their
    generations change, so everything cached for them is missed."""
    project = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    project.save_revision().publish()


def cold_counts(client, empty):
    counts = {}
    for host, path in PAGES:
        empty()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, HTTP_HOST=host).status_code == 200, (host, path)
        counts[host + path] = len(queries)
    return counts


def test_every_page_type_costs_at_most_twenty_queries_cold(client, settings):
    settings.PAGECACHE_ENABLED = False
    # Warm once: what follows must be missed because of the publication, not never filled.
    for host, path in PAGES:
        client.get(path, HTTP_HOST=host)
    after_publication = cold_counts(client, publish_something)
    # And with the cache itself emptied (a restart of Redis, a new process).
    emptied = cold_counts(client, cache.clear)
    assert {page: n for page, n in after_publication.items() if n > COLD_CEILING} == {}
    assert {page: n for page, n in emptied.items() if n > COLD_CEILING} == {}
