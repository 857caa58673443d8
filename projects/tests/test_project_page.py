"""The project page: timeline of phases and decisions, current phase, team, links, news."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from projects.models import ProjectDecision, ProjectPhase, ProjectTeamMember
from testing import make_news, make_project, make_territory

pytestmark = pytest.mark.django_db


def between(html, start, end):
    """The part of ``html`` from ``start`` to the first ``end`` after it."""
    at = html.index(start)
    return html[at : html.index(end, at)]


def page_html(client, project):
    host = project.get_site().hostname
    response = client.get(f"/projets/{project.slug}/", HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def project_with_history(territory):
    """Construction, a 6-month user evaluation that decides to scale up, then acceleration
    and operation: the story a timeline tells."""
    return make_project(
        territory,
        "Rappels de rendez-vous",
        phases=[
            ProjectPhase(
                phase="construction", start_date=date(2018, 3, 5), end_date=date(2018, 8, 31)
            ),
            ProjectPhase(
                phase="acceleration", start_date=date(2018, 9, 3), end_date=date(2019, 12, 31)
            ),
            ProjectPhase(phase="operated", start_date=date(2020, 1, 1)),
        ],
        decisions=[
            ProjectDecision(
                date=date(2018, 8, 31),
                evaluation="user_evaluation",
                decision="scale_up",
                reason="Les rendez-vous manqués passent de 20 % à 14 %.",
            )
        ],
    )


def test_the_timeline_merges_phases_and_decisions_in_date_order(client):
    project = project_with_history(make_territory())
    entries = project.timeline()
    assert [entry["date"] for entry in entries] == sorted(entry["date"] for entry in entries)
    kinds = [(entry["kind"], entry["date"]) for entry in entries]
    # The 6-month user evaluation closes construction, before acceleration starts.
    assert kinds.index(("decision", date(2018, 8, 31))) < kinds.index(("phase", date(2018, 9, 3)))

    html = page_html(client, project)
    timeline = between(html, '<ol class="timeline">', "</ol>")
    assert timeline.index("Construction") < timeline.index("Évaluation à 6 mois auprès des usagers")
    assert timeline.index("Évaluation à 6 mois") < timeline.index("Accélération")
    assert "Passer à l’échelle" in timeline
    assert "de 20 % à 14 %" in timeline


def test_only_the_ongoing_last_phase_wears_the_current_badge(client):
    html = page_html(client, project_with_history(make_territory()))
    timeline = between(html, '<ol class="timeline">', "</ol>")
    assert timeline.count("phase actuelle") == 1
    assert timeline.index("phase actuelle") > timeline.index("Opéré")


def test_a_decision_in_the_future_is_refused():
    decision = ProjectDecision(
        page=make_project(make_territory()),
        date=date(2999, 1, 1),
        decision="continue",
        reason="Plus tard.",
    )
    with pytest.raises(ValidationError) as error:
        decision.full_clean()
    assert list(error.value.message_dict) == ["date"]


def test_the_team_shows_with_roles_and_missing_links_read_not_available(client):
    project = make_project(
        make_territory(),
        team_members=[
            ProjectTeamMember(
                name="Alex Martin", role_kind="intrapreneur", role="Travailleur social"
            ),
            ProjectTeamMember(name="Sam Petit", role_kind="coach", role="Coach produit"),
        ],
        service_url="https://rappels.example/",
        source_code_url="https://code.example/rappels",
        statistics_url="",
    )

    html = page_html(client, project)

    for member in project.team_members.all():
        assert member.name in html and member.role in html
    facts = between(html, '<dl class="facts">', "</dl>")
    assert "<dt>Statistiques</dt><dd>Non disponible</dd>" in facts
    assert project.source_code_url in facts


def test_the_project_news_come_latest_first(client):
    territory = make_territory()
    project = make_project(territory)
    make_news(territory, "Le service passe en bêta", projects=[project], date=date(2019, 1, 7))
    make_news(territory, "Le service devient permanent", projects=[project], date=date(2022, 7, 1))
    make_news(territory, "Une nouvelle sans rapport", date=date(2023, 1, 2))

    html = page_html(client, project)

    news = html[html.index('id="project-news-title"') :]
    assert news.index("Le service devient permanent") < news.index("Le service passe en bêta")
    assert "Une nouvelle sans rapport" not in news
