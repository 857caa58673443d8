"""Listings cost the same number of SQL queries however much content a territory has."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import (
    NewsIndexPage,
    NewsPage,
    NewsPageProject,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
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
    # language switcher's query (the page's translations) is one of them.
    assert max(before.values()) <= 21, before
