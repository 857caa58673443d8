"""The project page: timeline of phases and decisions, current phase, team, links, news."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from projects.models import ProjectDecision, ProjectPage

pytestmark = pytest.mark.django_db


def between(html, start, end):
    """The part of ``html`` from ``start`` to the first ``end`` after it."""
    at = html.index(start)
    return html[at : html.index(end, at)]


def page_html(client, slug="lapins", host="pasdecalais.localhost"):
    response = client.get(f"/projets/{slug}/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_merges_phases_and_decisions_in_date_order(client):
    lapins = ProjectPage.objects.get(slug="lapins")
    entries = lapins.timeline()
    assert [entry["date"] for entry in entries] == sorted(entry["date"] for entry in entries)
    kinds = [(entry["kind"], entry["date"]) for entry in entries]
    # The 6-month user evaluation closes construction, before acceleration starts.
    assert kinds.index(("decision", date(2018, 8, 31))) < kinds.index(("phase", date(2018, 9, 3)))

    html = page_html(client)
    timeline = between(html, '<ol class="timeline">', "</ol>")
    assert timeline.index("Construction") < timeline.index("Évaluation à 6 mois auprès des usagers")
    assert timeline.index("Évaluation à 6 mois") < timeline.index("Accélération")
    assert "Passer à l’échelle" in timeline
    assert "de 20 % à 14 %" in timeline


def test_only_the_ongoing_last_phase_wears_the_current_badge(client):
    html = page_html(client)
    timeline = between(html, '<ol class="timeline">', "</ol>")
    assert timeline.count("phase actuelle") == 1
    assert timeline.index("phase actuelle") > timeline.index("Opéré")


def test_a_decision_in_the_future_is_refused():
    decision = ProjectDecision(
        page=ProjectPage.objects.get(slug="lapins"),
        date=date(2999, 1, 1),
        decision="continue",
        reason="Plus tard.",
    )
    with pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert list(error.value.message_dict) == ["date"]


def test_the_team_shows_with_roles_and_missing_links_read_not_available(client):
    rsa = ProjectPage.objects.get(slug="rsa-en-ligne", locale__language_code="fr")
    rsa.statistics_url = ""
    rsa.save_revision().publish()

    html = page_html(client, "rsa-en-ligne", "var.localhost")

    for member in rsa.team_members.all():
        assert member.name in html
    facts = between(html, '<dl class="facts">', "</dl>")
    assert "<dt>Statistiques</dt><dd>Non disponible</dd>" in facts
    assert rsa.source_code_url in facts


def test_the_project_news_come_latest_first(client):
    html = page_html(client)
    news = html[html.index('id="project-news-title"') :]
    assert news.index("Lapins devient un service permanent") < news.index("version bêta")
