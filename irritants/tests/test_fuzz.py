"""Whatever a client posts to a call, the answer is a page, never a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from irritants.models import Irritant
from territories.models import Territory

from .helpers import CALL_URL, HOST, open_call, valid_submission

FIELDS = list(valid_submission())
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


@pytest.fixture
def call(django_user_model):
    # A publisher with an address, so that every submission also builds the notification.
    publisher = django_user_model.objects.create_user("pub-fuzz", email="pub@example.org")
    publisher.groups.add(Territory.objects.get(slug="pau").publishers)
    return open_call()


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=fields, upload=uploads, base=st.booleans())
def test_any_post_gets_a_page_and_a_refusal_stores_nothing(
    client, call, settings, data, upload, base
):
    settings.IRRITANTS_RATE_LIMIT = "100000/3600"
    payload = {**(valid_submission() if base else {}), **data}
    if upload is not None:
        payload["attachment"] = upload
    before = Irritant.objects.count()
    response = client.post(CALL_URL, payload, HTTP_HOST=HOST)
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
