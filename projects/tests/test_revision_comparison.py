"""The admin's « Comparer » between two revisions of a project writes its values as the public
page does: choices by their labels, dates in words, booleans as Oui/Non, nothing for empty."""

import copy
import datetime
import json
import re

import pytest

from projects.models import ProjectPhase
from testing import indicators, make_project, make_territory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def revised():
    """A project, then a revision of it that changes its indicator and ends its phase."""
    territory = make_territory()
    project = make_project(
        territory,
        phase="investigation",
        indicators=indicators(
            {
                "category": "used",
                "direction": "higher",
                "unit": "usagers",
                "baseline": None,
                "target": None,
                "highlighted": False,
                "measurements": [{"date": "2024-01-01", "value": "120"}],
            }
        ),
    )
    first = project.latest_revision
    draft = project.get_latest_revision_as_object()
    stream = copy.deepcopy(list(draft.indicators.raw_data))
    stream[0]["value"].update(category="useful", baseline="80", highlighted=True, target="1500")
    stream[0]["value"]["measurements"].append({"date": "2024-06-30", "value": "1200"})
    draft.indicators = json.dumps(stream)
    [phase] = draft.phases.all()
    phase.end_date = datetime.date(2024, 10, 30)
    following = ProjectPhase(
        phase="construction", start_date=datetime.date(2024, 10, 30), locale=phase.locale
    )
    draft.phases = [phase, following]
    second = draft.save_revision()
    return territory, project, first, second


def comparison(html):
    """The comparison's table, without the page around it."""
    start = html.index('<table class="listing')
    return html[start : html.index("</table>", start)]


def test_the_comparison_writes_indicators_and_phases_as_the_public_page(client, revised):
    territory, project, first, second = revised
    client.force_login(make_user(territory, "publisher"))

    response = client.get(f"/admin/pages/{project.pk}/revisions/compare/{first.pk}...{second.pk}/")

    assert response.status_code == 200
    table = comparison(response.content.decode())
    # Tags out, every kind of space (no-break, narrow no-break) folded into one.
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", table))
    # Choices by their French labels, booleans as Oui/Non, dates and numbers in words.
    for written in (
        "Utilisé",
        "Utile",
        "Plus haut, c’est mieux",
        "Oui",
        "Non",
        "30 octobre 2024",
        "30 juin 2024",
        "1er janvier 2024",
        "1 500",  # grouped as the public page does (spaces folded above)
        "Investigation",
        "Construction",
    ):
        assert written in words, written
    # No raw value: stored choices, None, False, ISO dates.
    for raw in ("used", "useful", "higher", "None", "False", "True", "2024-10-30", "2024-06-30"):
        assert not re.search(rf"\b{raw}\b", words), raw


def test_the_comparison_is_refused_for_another_territorys_project(client, revised):
    territory, project, first, second = revised
    client.force_login(make_user(make_territory(), "publisher"))

    response = client.get(f"/admin/pages/{project.pk}/revisions/compare/{first.pk}...{second.pk}/")

    assert response.status_code in (302, 403, 404)
    assert "Utilisé" not in response.content.decode()
