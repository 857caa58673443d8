"""Listings cost the same number of SQL queries however much content a territory has."""

import json
from datetime import date

import pytest
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

LISTINGS = [
    ("localhost", "/"),
    ("var.localhost", "/"),
    ("var.localhost", "/projets/"),
    ("var.localhost", "/actualites/"),
    ("var.localhost", "/projets/rsa-en-ligne/"),
]


def query_counts(client):
    counts = {}
    for host, path in LISTINGS:
        client.get(path, HTTP_HOST=host)  # warm the per-process caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, HTTP_HOST=host).status_code == 200
        counts[host + path] = len(queries)
    return counts


def grow_var(count):
    projects = ProjectIndexPage.objects.get(url_path="/var/projets/")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")
    rsa = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    for number in range(count):
        project = ProjectPage(
            title=f"Projet {number}",
            slug=f"projet-{number}",
            pitch="Un projet de plus.",
            problem="<p>Un problème.</p>",
            solution="<p>Une solution.</p>",
            phases=[ProjectPhase(phase="investigation", start_date=date(2024, 1, 1))],
        )
        projects.add_child(instance=project).save_revision().publish()
        item = NewsPage(
            title=f"Nouvelle {number}",
            slug=f"nouvelle-{number}",
            date=date(2024, 1, 1),
            related_projects=[NewsPageProject(project=rsa)],
        )
        news.add_child(instance=item).save_revision().publish()


def test_listings_cost_the_same_queries_with_more_content(client):
    before = query_counts(client)

    grow_var(12)

    assert query_counts(client) == before
    # A ceiling against regressions; the performance work brings it down further. The
    # project page shows its decisions, the irritant it was born from and the language
    # switcher (the page's translations); the site identity (menu, footer, logo) is not cached yet.
    assert max(before.values()) <= 31, before


# The listings of issue 5, each with the ceiling it must stay under at any content size.
# The news index and the results page are Wagtail pages: each also shows the language
# switcher (one query for the page's translations), and the results page's call to action
# leads to the visitor's language (one query for the active locale).
OPEN_LISTINGS = [
    ("localhost", "/catalogue/", 23),
    ("localhost", "/catalogue/?theme=solidarites&page=2", 23),
    ("localhost", "/catalogue/a-reutiliser/", 19),
    ("var.localhost", "/actualites/?page=2", 23),
    ("var.localhost", "/resultats/", 28),
    ("localhost", "/flux/rss.xml", 7),
    ("var.localhost", "/flux/atom.xml", 8),
    ("var.localhost", "/flux/projets/rsa-en-ligne/rss.xml", 9),
    ("localhost", "/api/projects.json", 12),
    ("var.localhost", "/api/projects.csv", 12),
    ("localhost", "/api/territories.json", 8),
]


def grow_var_with_impact(count):
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


def open_listing_counts(client, django_assert_max_num_queries):
    counts = {}
    for host, path, ceiling in OPEN_LISTINGS:
        client.get(path, HTTP_HOST=host)  # warm the per-process caches (site root paths)
        with django_assert_max_num_queries(ceiling) as queries:
            assert client.get(path, HTTP_HOST=host).status_code == 200
        counts[host + path] = len(queries)
    return counts


def test_catalogue_news_results_feeds_and_api_cost_the_same_queries_with_more_content(
    client, django_assert_max_num_queries
):
    before = open_listing_counts(client, django_assert_max_num_queries)

    grow_var_with_impact(15)

    after = open_listing_counts(client, django_assert_max_num_queries)
    assert after == before
    # The growth is visible: the listings did get longer.
    assert len(client.get("/api/projects.json").json()["data"]) >= 15 + 11
