"""The results page computes its figures from the territory's pages; the news index paginates."""

import re
from datetime import date

import pytest

from irritants.models import CallForIrritantsPage
from projects.models import NewsIndexPage, NewsPage, ProjectPage
from projects.phases import Phase

pytestmark = pytest.mark.django_db


def results(client, host="var.localhost"):
    response = client.get("/resultats/", HTTP_HOST=host)
    assert response.status_code == 200
    return response


def test_results_count_projects_per_phase_and_calls_from_the_pages(client):
    response = results(client)
    var_projects = ProjectPage.objects.live().filter(url_path__startswith="/var/")
    expected = {}
    for project in var_projects:
        label = Phase(project.current_phase).label
        expected[label] = expected.get(label, 0) + 1
    assert dict(response.context["phases"]) == expected
    assert response.context["project_count"] == var_projects.count()
    calls = CallForIrritantsPage.objects.live().filter(url_path__startswith="/var/").count()
    assert response.context["calls_count"] == calls
    # The chart draws one bar per phase, with the table's figures.
    html = response.content.decode()
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', html)
    assert {label: int(value) for label, value in bars} == expected
    table = html[html.index("<caption>Projets par phase</caption>") :]
    for label, count in expected.items():
        assert f'<th scope="row">{label}</th><td>{count}</td>' in table


def test_results_follow_the_pages_when_they_change(client):
    before = results(client).context["project_count"]
    ProjectPage.objects.get(slug="rsa-en-ligne", locale__language_code="fr").unpublish()
    assert results(client).context["project_count"] == before - 1


def test_irritants_received_are_counted_from_the_submissions(client):
    from irritants.models import Irritant

    received = Irritant.objects.filter(territory__slug="var").count()
    assert received > 0  # the demo's
    response = results(client)
    assert response.context["irritants_received"] == received
    assert f'{received}</p><p class="key-figure__label">irritants reçus' in (
        response.content.decode()
    )
    Irritant.objects.filter(territory__slug="var").delete()
    assert results(client).context["irritants_received"] == 0


def test_key_results_are_the_highlighted_indicators(client):
    response = results(client, "pasdecalais.localhost")
    highlighted = [
        (project.slug, indicator.name)
        for project in ProjectPage.objects.live().filter(url_path__startswith="/pasdecalais/")
        for indicator in project.impact_indicators()
        if indicator.highlighted
    ]
    shown = [(p.slug, i.name) for p, i, _chart in response.context["key_results"]]
    assert sorted(shown) == sorted(highlighted) and shown
    html = response.content.decode()
    assert "Rendez-vous manqués dans les services sociaux" in html
    assert "Services sociaux qui envoient les rappels" not in html  # not highlighted


def add_news(count):
    index = NewsIndexPage.objects.get(url_path="/var/actualites/")
    for number in range(count):
        index.add_child(
            instance=NewsPage(
                title=f"Nouvelle {number:02}", slug=f"n-{number}", date=date(2024, 1, 1)
            )
        ).save_revision().publish()


@pytest.mark.parametrize("page, expected", [("abc", 1), ("0", 3), ("-1", 3), ("999", 3), ("2", 2)])
def test_the_news_index_never_fails_on_a_bad_page_number(client, page, expected):
    add_news(25)
    response = client.get(f"/actualites/?page={page}", HTTP_HOST="var.localhost")
    assert response.status_code == 200
    assert response.context["news"].number == expected


def test_the_news_index_shows_the_latest_first(client):
    response = client.get("/actualites/", HTTP_HOST="var.localhost")
    dates = [item.date for item in response.context["news"]]
    assert dates == sorted(dates, reverse=True) and dates
