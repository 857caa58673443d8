"""A project's current phase comes from its history, and a nonsensical history is refused."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from projects.models import ProjectIndexPage, ProjectPage, ProjectPhase
from projects.phases import current_phase, validate_phase_history
from territories.services import section_of
from testing import make_project, make_territory


def entry(phase, start, end=None):
    return {"phase": phase, "start_date": start, "end_date": end}


def messages(error):
    return " ".join(error.messages)


def test_current_phase_is_the_one_that_started_last_whatever_the_order():
    history = [
        entry("construction", date(2019, 7, 1), date(2020, 1, 31)),
        entry("investigation", date(2019, 2, 4), date(2019, 6, 28)),
        entry("acceleration", date(2020, 2, 1)),
    ]
    assert current_phase(history) == "acceleration"
    assert current_phase([]) == ""


def test_a_sound_history_passes():
    validate_phase_history(
        [
            entry("investigation", date(2019, 2, 4), date(2019, 6, 28)),
            entry("construction", date(2019, 6, 28), date(2020, 1, 31)),
            entry("stopped", date(2020, 2, 1)),
        ]
    )


def test_inverted_dates_are_refused_with_the_phase_named():
    with pytest.raises(ValidationError) as error:
        validate_phase_history([entry("construction", date(2020, 3, 1), date(2020, 1, 1))])
    assert "« Construction » se termine le 1er janvier 2020, avant de commencer" in messages(
        error.value
    )


def test_overlapping_phases_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_phase_history(
            [
                entry("investigation", date(2019, 2, 4), date(2019, 8, 1)),
                entry("construction", date(2019, 7, 1)),
            ]
        )
    assert "« Investigation » chevauche la phase « Construction »" in messages(error.value)


def test_an_ongoing_phase_must_be_the_last_one():
    with pytest.raises(ValidationError) as error:
        validate_phase_history(
            [entry("investigation", date(2019, 2, 4)), entry("construction", date(2019, 7, 1))]
        )
    assert "chevauche" in messages(error.value)


def test_a_phase_starting_in_the_future_is_refused():
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        validate_phase_history([entry("construction", tomorrow)])
    assert "dans le futur" in messages(error.value)


@pytest.mark.django_db
def test_saving_a_project_stores_its_derived_phase():
    project = make_project(make_territory())
    project.phases = [
        ProjectPhase(
            phase="investigation", start_date=date(2019, 2, 4), end_date=date(2019, 6, 28)
        ),
        ProjectPhase(phase="consolidation", start_date=date(2019, 7, 1)),
    ]
    project.save_revision().publish()

    project.refresh_from_db()
    assert project.current_phase == "consolidation"


@pytest.mark.django_db
def test_the_model_refuses_an_overlapping_history_outside_the_admin_too():
    project = make_project(make_territory())
    project.phases = [
        ProjectPhase(phase="investigation", start_date=date(2019, 2, 4)),
        ProjectPhase(phase="construction", start_date=date(2019, 7, 1)),
    ]
    with pytest.raises(ValidationError):
        project.full_clean()


def project_form(phases):
    return nested_form_data(
        {
            "title": "Guichet unique",
            "slug": "guichet-unique",
            "intro": "",
            "pitch": "Un seul guichet pour toutes les demandes.",
            "problem": rich_text("Trop de guichets."),
            "solution": rich_text("Un seul."),
            "sponsor_service": "",
            "budget": "",
            "service_url": "",
            "source_code_url": "",
            "statistics_url": "",
            "body": streamfield([]),
            "phases": inline_formset(phases),
            "decisions": inline_formset([]),
            "team_members": inline_formset([]),
            "indicators": streamfield([]),
        }
    )


@pytest.mark.django_db
def test_admin_refuses_an_overlapping_history_and_keeps_the_form(admin_client):
    index = section_of(make_territory().home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"
    data = project_form(
        [
            {
                "phase": "investigation",
                "start_date": "2024-01-08",
                "end_date": "2024-06-30",
                "comment": "",
            },
            {"phase": "construction", "start_date": "2024-05-01", "end_date": "", "comment": ""},
        ]
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "chevauche la phase" in html
    assert "Guichet unique" in html  # what the editor typed is still there
    assert not ProjectPage.objects.filter(slug="guichet-unique").exists()


@pytest.mark.django_db
def test_admin_creates_a_project_and_derives_its_phase(admin_client):
    index = section_of(make_territory().home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"
    data = project_form(
        [
            {
                "phase": "investigation",
                "start_date": "2024-01-08",
                "end_date": "2024-06-30",
                "comment": "",
            },
            {"phase": "construction", "start_date": "2024-07-01", "end_date": "", "comment": ""},
        ]
    )
    data["action-publish"] = "publish"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    project = ProjectPage.objects.child_of(index).get(slug="guichet-unique")
    assert project.live
    assert project.current_phase == "construction"
