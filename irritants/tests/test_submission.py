"""The public form of a call, over HTTP: what is accepted, what is refused, and what is kept."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from irritants.models import Irritant, Status
from territories.models import Territory

from .helpers import CALL_URL, HOST, docx_file, open_call, pdf_file, png_file, valid_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def call():
    return open_call()


@pytest.fixture
def pau_publisher(django_user_model):
    user = django_user_model.objects.create_user(
        "publication-pau-x", email="publication@agglo-pau.example", password="x"
    )
    user.groups.add(Territory.objects.get(slug="pau").publishers)
    return user


def post(client, data, **extra):
    return client.post(CALL_URL, data, HTTP_HOST=HOST, **extra)


def test_the_open_call_shows_the_form_with_its_retention_period(client, call):
    html = client.get(CALL_URL, HTTP_HOST=HOST).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "24 mois" in html
    assert "Chaque année, des centaines" in html  # the writer is guided


def test_a_submission_is_stored_acknowledged_and_notified(client, call, pau_publisher):
    response = post(client, valid_submission(), follow=True)

    irritant = Irritant.objects.get()
    assert irritant.call == call
    assert irritant.territory.slug == "pau"
    assert irritant.status == Status.RECEIVED
    assert irritant.history.get().to_status == Status.RECEIVED
    assert irritant.submitter_email == "camille.martin@agglo-pau.example"
    assert irritant.consent_at is not None
    # The confirmation page gives the reference, not personal data.
    html = response.content.decode()
    assert response.status_code == 200
    assert irritant.reference in html
    assert "camille" not in html.lower()
    acknowledgement, notification = mail.outbox
    assert acknowledgement.to == ["camille.martin@agglo-pau.example"]
    assert irritant.reference in acknowledgement.subject
    assert "24 mois" in acknowledgement.body
    assert notification.to == ["publication@agglo-pau.example"]
    assert f"/admin/irritants/edit/{irritant.pk}/" in notification.body


def test_the_confirmation_refuses_a_forged_reference(client, call):
    response = client.get(CALL_URL + "merci/?ref=IRR-AAAA-AAAA", HTTP_HOST=HOST)
    assert response.status_code == 302


def test_missing_fields_keep_what_was_typed_and_say_what_to_fix(client, call):
    data = valid_submission(problem="", submitter_email="pas-une-adresse")
    del data["consent"]
    response = post(client, data)

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


def test_an_overlong_field_is_refused(client, call):
    response = post(client, valid_submission(title="x" * 151))
    assert response.status_code == 400
    assert not Irritant.objects.exists()


@pytest.mark.parametrize("upload", [pdf_file, png_file, docx_file])
def test_an_attachment_of_an_accepted_kind_is_kept_privately(client, call, upload, settings):
    response = post(client, {**valid_submission(), "attachment": upload()})
    assert response.status_code == 302
    irritant = Irritant.objects.get()
    path = irritant.attachment.path
    assert path.startswith(str(settings.IRRITANTS_PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert irritant.attachment.read()[:2] in (b"%P", b"\x89P", b"PK")


@pytest.mark.parametrize(
    "upload, message",
    [
        (lambda: SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf"), "ne correspond pas"),
        (lambda: pdf_file("rapport.docx"), "ne correspond pas"),
        (lambda: SimpleUploadedFile("script.exe", b"MZ\x90\x00"), "pas accepté"),
        (lambda: SimpleUploadedFile("faux.docx", b"PK\x03\x04broken"), "ne correspond pas"),
    ],
)
def test_a_disguised_or_unknown_file_is_refused(client, call, upload, message):
    response = post(client, {**valid_submission(), "attachment": upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Irritant.objects.exists()


def test_an_oversized_file_is_refused(client, call, settings):
    settings.IRRITANTS_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = post(client, {**valid_submission(), "attachment": big})
    assert response.status_code == 400
    assert "trop volumineux" in response.content.decode()
    assert not Irritant.objects.exists()


def test_a_closed_call_refuses_and_shows_back_what_was_typed(client):
    response = client.post(
        "/appels/appel-a-irritants-2018/", valid_submission(), HTTP_HOST="var.localhost"
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert "pas été enregistré" in html
    assert "Les familles attendent trois semaines" in html
    assert 'id="irritant-form-title"' not in html
    assert not Irritant.objects.exists()


def test_an_upcoming_call_says_when_it_opens(client, call):
    call.opens_on = timezone.localdate() + datetime.timedelta(days=3)
    call.save_revision().publish()
    html = client.get(CALL_URL, HTTP_HOST=HOST).content.decode()
    assert "Le formulaire ouvre le" in html
    assert post(client, valid_submission()).status_code == 403
    assert not Irritant.objects.exists()


def test_a_filled_honeypot_stores_nothing_and_gives_the_text_back(client, call):
    response = post(client, valid_submission(website="http://spam.example"))
    assert response.status_code == 400
    assert not Irritant.objects.exists()
    assert not mail.outbox
    html = response.content.decode()
    assert "Les familles attendent trois semaines" in html  # an autofilled browser loses nothing
    assert "http://spam.example" not in html


@pytest.mark.parametrize(
    "field, value",
    [("title", "Deux\nlignes"), ("service", "Accueil\x07"), ("problem", "Texte\x00nul")],
)
def test_control_characters_are_refused(client, call, pau_publisher, field, value):
    response = post(client, valid_submission(**{field: value}))
    assert response.status_code == 400
    assert not Irritant.objects.exists()


def test_line_breaks_are_kept_in_long_texts(client, call, pau_publisher):
    problem = "Premier constat.\n\nDeuxième constat,\tchiffré."
    assert post(client, valid_submission(problem=problem)).status_code == 302
    assert Irritant.objects.get().problem == problem


def test_a_lost_attachment_is_announced(client, call):
    response = post(client, {**valid_submission(title=""), "attachment": pdf_file()})
    assert response.status_code == 400
    assert "Votre document n’a pas été conservé" in response.content.decode()


def test_the_rate_limit_refuses_and_keeps_the_text(client, call, settings):
    settings.IRRITANTS_RATE_LIMIT = "2/3600"
    # Forms sent back for correction do not count.
    assert post(client, valid_submission(problem="")).status_code == 400
    assert post(client, valid_submission(problem="")).status_code == 400
    assert post(client, valid_submission()).status_code == 302
    assert post(client, valid_submission(title="Deuxième")).status_code == 302
    response = post(client, valid_submission(title="Troisième"))
    assert response.status_code == 429
    assert "Troisième" in response.content.decode()
    assert Irritant.objects.count() == 2
    # Another address is not affected.
    assert post(client, valid_submission(), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_csrf_is_enforced(call):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(CALL_URL, valid_submission(), HTTP_HOST=HOST)
    assert response.status_code == 403
    assert not Irritant.objects.exists()


def test_a_mail_server_failure_loses_nothing(client, call, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    response = post(client, valid_submission())
    assert response.status_code == 302
    assert Irritant.objects.count() == 1
