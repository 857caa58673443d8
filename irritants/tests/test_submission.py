"""The public form of a call, over HTTP: what is accepted, what is refused, and what is kept.
(Malformed, overlong and disguised input: test_bad_input.py.)"""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from irritants.models import Irritant, Status
from testing import irritant_data, open_call

from .helpers import docx_file, get, pdf_file, png_file, post

pytestmark = pytest.mark.django_db


def test_the_open_call_shows_the_form_with_its_retention_period(client, call):
    html = get(client, call).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "24 mois" in html
    assert "Chaque année, des centaines" in html  # the writer is guided


def test_a_submission_is_stored_acknowledged_and_notified(client, territory, call, publisher):
    response = post(client, call, irritant_data(), follow=True)

    irritant = Irritant.objects.get()
    assert irritant.call == call
    assert irritant.territory == territory
    assert irritant.status == Status.RECEIVED
    assert irritant.history.get().to_status == Status.RECEIVED
    assert irritant.submitter_email == irritant_data()["submitter_email"]
    assert irritant.consent_at is not None
    # The confirmation page gives the reference, not personal data.
    html = response.content.decode()
    assert response.status_code == 200
    assert irritant.reference in html
    assert "camille" not in html.lower()
    acknowledgement, notification = mail.outbox
    assert acknowledgement.to == [irritant.submitter_email]
    assert irritant.reference in acknowledgement.subject
    assert "24 mois" in acknowledgement.body
    assert notification.to == [publisher.email]
    assert f"/admin/irritants/edit/{irritant.pk}/" in notification.body


def test_missing_fields_keep_what_was_typed_and_say_what_to_fix(client, call):
    data = irritant_data(problem="", submitter_email="pas-une-adresse")
    del data["consent"]
    response = post(client, call, data)

    html = response.content.decode()
    assert response.status_code == 400
    assert not Irritant.objects.exists()
    assert "Les familles attendent trois semaines" in html  # kept
    assert html.count('class="field__error"') == 3
    assert "Champ requis." in html
    assert "Saisissez une adresse de courriel valide." in html
    assert "Cochez cette case" in html
    assert 'aria-describedby="id_problem_helptext id_problem_error"' in html
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize("upload", [pdf_file, png_file, docx_file])
def test_an_attachment_of_an_accepted_kind_is_kept_privately(client, call, upload, settings):
    response = post(client, call, {**irritant_data(), "attachments": upload()})
    assert response.status_code == 302
    irritant = Irritant.objects.get()
    attachment = irritant.attachments.get().file
    path = attachment.path
    assert path.startswith(str(settings.IRRITANTS_PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert attachment.read()[:2] in (b"%P", b"\x89P", b"PK")


def test_a_closed_call_refuses_and_shows_back_what_was_typed(client, territory):
    call = open_call(
        territory, opens_on=datetime.date(2018, 10, 1), closes_on=datetime.date(2018, 11, 30)
    )
    response = post(client, call, irritant_data())
    html = response.content.decode()
    assert response.status_code == 403
    assert "pas été enregistré" in html
    assert "Les familles attendent trois semaines" in html
    assert 'id="irritant-form-title"' not in html
    assert not Irritant.objects.exists()


def test_an_upcoming_call_says_when_it_opens(client, call):
    call.opens_on = timezone.localdate() + datetime.timedelta(days=3)
    call.save_revision().publish()
    html = get(client, call).content.decode()
    assert "Le formulaire ouvre le" in html
    assert post(client, call, irritant_data()).status_code == 403
    assert not Irritant.objects.exists()


def test_a_filled_honeypot_stores_nothing_and_gives_the_text_back(client, call):
    response = post(client, call, irritant_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Irritant.objects.exists()
    assert not mail.outbox
    html = response.content.decode()
    assert "Les familles attendent trois semaines" in html  # an autofilled browser loses nothing
    assert "http://spam.example" not in html


def test_line_breaks_are_kept_in_long_texts(client, call, publisher):
    problem = "Premier constat.\n\nDeuxième constat,\tchiffré."
    assert post(client, call, irritant_data(problem=problem)).status_code == 302
    assert Irritant.objects.get().problem == problem


def test_a_lost_attachment_is_announced(client, call):
    response = post(client, call, {**irritant_data(title=""), "attachments": pdf_file()})
    assert response.status_code == 400
    # The page says the documents must be chosen again (browsers cannot keep them).
    assert response.context["reattach"] is True


def test_the_rate_limit_refuses_and_keeps_the_text(client, call, settings):
    settings.IRRITANTS_RATE_LIMIT = "2/3600"
    # Forms sent back for correction do not count.
    assert post(client, call, irritant_data(problem="")).status_code == 400
    assert post(client, call, irritant_data(problem="")).status_code == 400
    assert post(client, call, irritant_data()).status_code == 302
    assert post(client, call, irritant_data(title="Deuxième")).status_code == 302
    response = post(client, call, irritant_data(title="Troisième"))
    assert response.status_code == 429
    assert "Troisième" in response.content.decode()
    assert Irritant.objects.count() == 2
    # Another address is not affected.
    assert post(client, call, irritant_data(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_csrf_is_enforced(call):
    response = post(Client(enforce_csrf_checks=True), call, irritant_data())
    assert response.status_code == 403
    assert not Irritant.objects.exists()


def test_a_mail_server_failure_loses_nothing(client, call, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    response = post(client, call, irritant_data())
    assert response.status_code == 302
    assert Irritant.objects.count() == 1
