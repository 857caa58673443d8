"""Whatever a client posts to a call, the answer is a page, never a server error; what is too
long, disguised, invisible or forged is refused and stores nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irritants.models import Irritant
from testing import irritant_data

from .helpers import get, pdf_file, post

pytestmark = pytest.mark.django_db

FIELDS = list(irritant_data())
# Any text a browser can send: no lone surrogates, which cannot be encoded at all.
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=4000)
fields = st.dictionaries(st.sampled_from(FIELDS + ["autre", "csrfmiddlewaretoken"]), text)
uploads = st.one_of(
    st.none(),
    st.builds(
        lambda name, content: SimpleUploadedFile(name or "f", content),
        st.text(
            st.characters(exclude_categories=["Cs"], exclude_characters="\x00/\\"), max_size=80
        ),
        st.binary(max_size=2048),
    ),
)


TEXT_FIELDS = [name for name in FIELDS if name not in ("consent", "website")]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=fields, upload=uploads, base=st.booleans())
def test_any_post_gets_a_page_and_a_refusal_stores_nothing(
    client, call, publisher, settings, data, upload, base
):
    # The publisher has an address: every accepted submission also builds the notification.
    settings.IRRITANTS_RATE_LIMIT = "100000/3600"
    payload = {**(irritant_data() if base else {}), **data}
    if upload is not None:
        payload["attachments"] = upload
    before = Irritant.objects.count()
    response = post(client, call, payload)
    assert response.status_code in (302, 400)
    stored = Irritant.objects.count() - before
    if response.status_code == 302:
        # Accepted: stored once, exactly as typed.
        assert stored == 1
        irritant = Irritant.objects.latest("pk")
        for name in TEXT_FIELDS:
            assert getattr(irritant, name) == payload.get(name, "").strip(), name
    else:
        assert stored == 0


def test_the_confirmation_refuses_a_forged_reference(client, call):
    response = get(client, call, "merci/?ref=IRR-AAAA-AAAA")
    assert response.status_code == 302


def test_an_overlong_field_is_refused(client, call):
    response = post(client, call, irritant_data(title="x" * 151))
    assert response.status_code == 400
    assert not Irritant.objects.exists()


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
    response = post(client, call, {**irritant_data(), "attachments": upload()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Irritant.objects.exists()


def test_an_oversized_file_is_refused(client, call, settings):
    settings.IRRITANTS_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("gros.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = post(client, call, {**irritant_data(), "attachments": big})
    assert response.status_code == 400
    assert "trop volumineux" in response.content.decode()
    assert not Irritant.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [("title", "Deux\nlignes"), ("service", "Accueil\x07"), ("problem", "Texte\x00nul")],
)
def test_control_characters_are_refused(client, call, publisher, field, value):
    response = post(client, call, irritant_data(**{field: value}))
    assert response.status_code == 400
    assert not Irritant.objects.exists()
