"""The results page computes its figures from the territory's pages; the news index paginates."""

import re
from datetime import date

import pytest

from irritants.models import Irritant
from testing import (
    indicators,
    make_news,
    make_project,
    make_territory,
    open_call,
    submit_irritant,
)

pytestmark = pytest.mark.django_db


def results(client, territory):
    response = client.get("/resultats/", HTTP_HOST=territory.site.hostname)
    assert response.status_code == 200
    return response


def test_results_count_projects_per_phase_and_calls_from_the_pages(client):
    territory = make_territory()
    make_project(territory, "Carte de cantine", phase="operated")
    make_project(territory, "Menus en ligne", phase="operated")
    make_project(territory, "Accueil sans attente", phase="construction")
    make_project(make_territory(), "Ailleurs", phase="operated")  # another territory's
    open_call(territory)

    response = results(client, territory)

    expected = {"Construction": 1, "Opéré": 2}
    assert dict(response.context["phases"]) == expected
    assert response.context["project_count"] == 3
    assert response.context["calls_count"] == 1
    # The chart draws one bar per phase, with the table's figures.
    html = response.content.decode()
    bars = re.findall(r'data-label="([^"]+)" data-value="(\d+)"', html)
    assert {label: int(value) for label, value in bars} == expected
    table = html[html.index("<caption>Projets par phase</caption>") :]
    for label, count in expected.items():
        assert f'<th scope="row">{label}</th><td>{count}</td>' in table


def test_results_follow_the_pages_when_they_change(client):
    territory = make_territory()
    make_project(territory, "Carte de cantine", phase="operated")
    project = make_project(territory, "Menus en ligne", phase="operated")
    assert results(client, territory).context["project_count"] == 2

    project.unpublish()

    assert results(client, territory).context["project_count"] == 1


def test_irritants_received_are_counted_from_the_submissions(client):
    territory = make_territory()
    call = open_call(territory)
    submit_irritant(call)
    submit_irritant(call, title="Les horaires de la piscine changent sans prévenir")

    response = results(client, territory)

    assert response.context["irritants_received"] == 2
    assert '2</p><p class="key-figure__label">irritants reçus' in response.content.decode()
    Irritant.objects.filter(territory=territory).delete()
    assert results(client, territory).context["irritants_received"] == 0


def test_key_results_are_the_highlighted_indicators(client):
    territory = make_territory()
    project = make_project(
        territory,
        indicators=indicators(
            {"name": "Rendez-vous manqués", "highlighted": True},
            {"name": "Services qui envoient les rappels", "highlighted": False},
        ),
    )

    response = results(client, territory)

    shown = [(p.pk, i.name) for p, i, _chart in response.context["key_results"]]
    assert shown == [(project.pk, "Rendez-vous manqués")]
    html = response.content.decode()
    assert "Rendez-vous manqués" in html
    assert "Services qui envoient les rappels" not in html


def test_the_news_index_shows_the_latest_first(client):
    territory = make_territory()
    for day in (3, 1, 2):
        make_news(territory, f"Nouvelle du {day}", date=date(2024, 1, day))

    response = client.get("/actualites/", HTTP_HOST=territory.site.hostname)

    assert [item.date.day for item in response.context["news"]] == [3, 2, 1]
