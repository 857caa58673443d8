"""What the agent is told by email, how they stop it, and the bugs of « Créer un projet »."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from irritants import services
from irritants.models import Irritant, Status
from projects.models import ProjectDecision, ProjectPage, ProjectPhase
from projects.models.projects import Decision
from testing import make_territory, open_call, submit_irritant

pytestmark = pytest.mark.django_db

UNSUBSCRIBE = re.compile(r"<(https?://\S+/suivi/desabonner/\?cle=[\w.-]+)>")


def unsubscribe_link(message):
    (link,) = UNSUBSCRIBE.findall(message.extra_headers["List-Unsubscribe"])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body  # readable by a person too
    return link


def at(link):
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}", parts.hostname


def to_agent(irritant):
    return [message for message in mail.outbox if message.to == [irritant.submitter_email]]


@pytest.fixture
def submitted(call):
    irritant = submit_irritant(call)
    return irritant


def review(client, irritant, **fields):
    data = {
        "status": irritant.status,
        "duplicate_of": "",
        "recurrence_score": "",
        "consequences_score": "",
        "people_score": "",
        "internal_notes": "",
        "public_answer": irritant.public_answer,
        **fields,
    }
    return client.post(f"/admin/irritants/edit/{irritant.pk}/", data)


# Each email carries its unsubscribe link -----------------------------------------------


def test_every_email_to_the_agent_can_be_stopped_with_one_click(submitted):
    (acknowledgement,) = to_agent(submitted)
    link = unsubscribe_link(acknowledgement)
    path, host = at(link)
    assert host == submitted.territory.site.hostname
    # The unsubscribe key is not the follow-up key.
    assert urlsplit(link).query.removeprefix("cle=") not in acknowledgement.body.replace(link, "")

    # GET only asks (a mail client or an antivirus that follows links stops nothing).
    browser = Client(enforce_csrf_checks=True)
    response = browser.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert 'method="post"' in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.notifications_stopped_at is None

    # A POST without the CSRF token and without RFC 8058's body is refused.
    assert browser.post(path, {}, HTTP_HOST=host).status_code == 403
    submitted.refresh_from_db()
    assert submitted.notifications_stopped_at is None

    # The mail client's one-click POST, without session or token, stops the emails.
    response = browser.post(path, {"List-Unsubscribe": "One-Click"}, HTTP_HOST=host)
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.notifications_stopped_at is not None


def test_the_confirmation_form_stops_the_emails(submitted):
    path, host = at(unsubscribe_link(to_agent(submitted)[0]))
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(path, HTTP_HOST=host).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    key = re.search(r'name="cle" value="([^"]+)"', html).group(1)
    response = browser.post(
        "/suivi/desabonner/", {"cle": key, "csrfmiddlewaretoken": csrf}, HTTP_HOST=host
    )
    assert response.status_code == 200
    submitted.refresh_from_db()
    assert submitted.notifications_stopped_at is not None


def test_a_wrong_key_or_another_site_stops_nothing(submitted):
    link = unsubscribe_link(to_agent(submitted)[0])
    path, host = at(link)
    other = make_territory()
    one_click = {"List-Unsubscribe": "One-Click"}
    client = Client()
    tampered = path[:-1] + ("0" if path[-1] != "0" else "1")
    assert client.post(tampered, one_click, HTTP_HOST=host).status_code == 404
    assert client.get(tampered, HTTP_HOST=host).status_code == 404
    # Another irritant's reference with this signature.
    forged = path.replace(submitted.reference, "IRR-AAAA-AAAA")
    assert client.post(forged, one_click, HTTP_HOST=host).status_code == 404
    assert client.post(path, one_click, HTTP_HOST=other.site.hostname).status_code == 404
    assert client.post(path, one_click, HTTP_HOST="localhost").status_code == 404
    assert client.post("/suivi/desabonner/", one_click, HTTP_HOST=host).status_code == 404
    submitted.refresh_from_db()
    assert submitted.notifications_stopped_at is None


# The review ----------------------------------------------------------------------------


def test_an_outcome_and_an_answer_saved_together_make_one_email(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, status=Status.UNDER_REVIEW)
    assert to_agent(submitted) == []  # a step, not an outcome

    submitted.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = review(
            client, submitted, status=Status.SELECTED, public_answer="Nous lançons un projet."
        )
    assert response.status_code == 302
    (message,) = to_agent(submitted)
    assert "Nous lançons un projet." in message.body
    assert submitted.reference in message.subject
    unsubscribe_link(message)

    # An outcome alone is told too.
    mail.outbox.clear()
    submitted.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, status=Status.UNDER_REVIEW)
    submitted.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, status=Status.NOT_SELECTED)
    (message,) = to_agent(submitted)
    assert submitted.reference in message.body


def test_no_email_once_stopped_or_purged(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    Irritant.objects.filter(pk=submitted.pk).update(notifications_stopped_at=timezone.now())
    submitted.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, status=Status.UNDER_REVIEW, public_answer="Réponse.")
    assert mail.outbox == []

    services.anonymise(submitted, timezone.now())
    Irritant.objects.filter(pk=submitted.pk).update(notifications_stopped_at=None)
    submitted.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, status=Status.SELECTED, public_answer="Autre réponse.")
    assert mail.outbox == []


# The project ---------------------------------------------------------------------------


def test_the_agent_follows_the_project_from_creation_to_decisions(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        project = services.create_project(submitted, publisher)
    (created,) = to_agent(submitted)
    assert project.full_url not in created.body  # a draft has no public address yet
    unsubscribe_link(created)

    mail.outbox.clear()
    project = ProjectPage.objects.get(pk=project.pk)
    project.phases = [ProjectPhase(phase="investigation", start_date=datetime.date(2024, 1, 8))]
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    (published,) = to_agent(submitted)
    assert project.full_url in published.body
    unsubscribe_link(published)
    # The link leads to the project.
    path, host = at(project.full_url + "?")
    assert client.get(path.rstrip("?"), HTTP_HOST=host).status_code == 200

    # Published again with nothing new: no email.
    mail.outbox.clear()
    project = ProjectPage.objects.get(pk=project.pk)
    project.pitch = "Une autre phrase."
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    assert to_agent(submitted) == []

    # A new phase, then a new decision: one email each.
    project = ProjectPage.objects.get(pk=project.pk)
    project.phases = [
        ProjectPhase(
            phase="investigation",
            start_date=datetime.date(2024, 1, 8),
            end_date=datetime.date(2024, 3, 1),
        ),
        ProjectPhase(phase="construction", start_date=datetime.date(2024, 3, 1)),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    assert len(to_agent(submitted)) == 1
    mail.outbox.clear()
    project = ProjectPage.objects.get(pk=project.pk)
    project.decisions = [
        ProjectDecision(date=datetime.date(2024, 2, 28), decision="continue", reason="Utile.")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    (decided,) = to_agent(submitted)
    with translation.override("fr"):
        assert str(Decision.CONTINUE.label) in decided.body
    assert project.full_url in decided.body


def test_a_restricted_project_is_not_announced(
    submitted, publisher, django_capture_on_commit_callbacks
):
    project = services.create_project(submitted, publisher)
    PageViewRestriction.objects.create(page=project, restriction_type="login")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ProjectPage.objects.get(pk=project.pk).save_revision().publish()
    assert to_agent(submitted) == []
    submitted.refresh_from_db()
    assert submitted.notified_project_decisions is None  # told once it is public


def test_one_email_per_agent_when_several_irritants_share_a_project(
    territory, call, publisher, django_capture_on_commit_callbacks
):
    first = submit_irritant(call)
    second = submit_irritant(call, title="Les mêmes formulaires pour le périscolaire")
    someone_else = submit_irritant(
        call, title="Le transport scolaire aussi", submitter_email="lea.roux@collectivite.example"
    )
    project = services.create_project(first, publisher)
    Irritant.objects.filter(pk__in=[second.pk, someone_else.pk]).update(project=project)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ProjectPage.objects.get(pk=project.pk).save_revision().publish()
    assert len(to_agent(first)) == 1  # first and second: the same agent
    assert second.reference in to_agent(first)[0].body
    assert len(to_agent(someone_else)) == 1


# The bugs of « Créer un projet » -------------------------------------------------------


def test_a_project_from_a_problem_with_a_line_break_opens_in_the_editor(
    client, call, publisher, django_capture_on_commit_callbacks
):
    irritant = submit_irritant(
        call,
        problem="Première ligne du constat.\nDeuxième ligne, juste en dessous.",
        solution_idea="Une idée.\r\nEt une autre, <b>en gras</b>.",
    )
    client.force_login(publisher)
    response = client.post(f"/admin/irritants/create-project/{irritant.pk}/")
    project = ProjectPage.objects.get(title=irritant.title, alias_of=None)
    assert response["Location"] == f"/admin/pages/{project.pk}/edit/"
    assert "<br" not in project.problem
    assert "<p>Deuxième ligne, juste en dessous.</p>" in project.problem
    assert "&lt;b&gt;en gras&lt;/b&gt;" in project.solution
    editor = client.get(f"/admin/pages/{project.pk}/edit/")
    assert editor.status_code == 200
    assert "ligne, juste en dessous." in editor.content.decode()


def test_the_project_s_labels_are_in_french(call, publisher):
    """Passes once the lead has compiled /work/notes/fr-A.po into the catalogue."""
    irritant = submit_irritant(call)
    project = services.create_project(irritant, publisher)
    assert "Consequences for users" not in project.problem
    assert "Users affected" not in project.problem
    assert "Conséquences pour les usagers" in project.problem


def test_emails_name_the_territory_without_a_missing_article(submitted):
    body = to_agent(submitted)[0].body
    assert "incubateur de Territoire" not in body
    assert f"— {submitted.territory.name}" in body


def test_another_territory_s_call_is_not_confused(publisher):
    """Two territories' agents: each link is on its own territory's site."""
    other = make_territory()
    irritant = submit_irritant(open_call(other))
    path, host = at(unsubscribe_link(to_agent(irritant)[-1]))
    assert host == other.site.hostname
