"""What a public request may weigh and how often an address may submit: a request larger than
the form can be is refused from its headers (413) without its body being read, the admin's
uploads are not concerned, and the rate limit counts in the database when the cache is the
process's own. (Through gunicorn with two workers: tests/live/test_rate_limit_workers.py.)"""

import datetime
import io

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection

from irritants.attachments import IRRITANTS_MAX_ATTACHMENTS
from irritants.middleware import TEXT_ALLOWANCE, request_size_limit
from irritants.models import Irritant
from operations import ratelimit
from operations.models import RateLimitCounter
from testing import irritant_data

from .helpers import address, post

pytestmark = pytest.mark.django_db

MAX_BYTES = 100_000  # per attachment, small so that the tests stay fast


@pytest.fixture(autouse=True)
def _small_attachments(settings):
    settings.IRRITANTS_ATTACHMENT_MAX_BYTES = MAX_BYTES


class UnreadableInput:
    """A request body that records any attempt to read it."""

    def __init__(self):
        self.reads = 0

    def read(self, *args):
        self.reads += 1
        return b""

    readline = read


def full_pdf(name):
    """A PDF of exactly the largest size an attachment may have."""
    head = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, head + b"%" * (MAX_BYTES - len(head)))


def test_the_limit_is_the_attachments_and_the_text():
    assert request_size_limit() == IRRITANTS_MAX_ATTACHMENTS * MAX_BYTES + TEXT_ALLOWANCE


def test_a_declared_length_over_the_limit_gets_413_without_the_body_being_read(client, call):
    body = UnreadableInput()
    host, url = address(call)
    response = client.generic(
        "POST",
        url,
        HTTP_HOST=host,
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(request_size_limit() + 1),
        **{"wsgi.input": body},
    )

    assert response.status_code == 413
    assert body.reads == 0
    assert not Irritant.objects.exists()
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert 'name="robots" content="noindex"' in html
    assert f'href="{url}"' in html  # back to the form
    assert "--color-primary" in html  # in the territory's colours


def test_four_full_attachments_are_refused_and_nothing_is_stored(client, call):
    files = [full_pdf(f"piece-{n}.pdf") for n in range(IRRITANTS_MAX_ATTACHMENTS + 1)]
    response = post(client, call, {**irritant_data(), "attachments": files})

    assert response.status_code == 413
    assert not Irritant.objects.exists()


def test_three_full_attachments_and_the_text_are_accepted(client, call):
    files = [full_pdf(f"piece-{n}.pdf") for n in range(IRRITANTS_MAX_ATTACHMENTS)]
    # Every text as long as it may be, in characters of 4 bytes in UTF-8.
    longest = {
        name: "😀" * Irritant._meta.get_field(name).max_length
        for name in (
            *("title", "problem", "consequences", "people_affected", "service"),
            *("solution_idea", "submitter_name", "submitter_service"),
        )
    }
    response = post(client, call, {**irritant_data(**longest), "attachments": files})

    assert response.status_code == 302, response.content.decode()[:2000]
    irritant = Irritant.objects.get()
    assert irritant.problem == longest["problem"]
    assert irritant.attachments.count() == IRRITANTS_MAX_ATTACHMENTS


def test_an_ordinary_submission_goes_through(client, call):
    assert post(client, call, irritant_data()).status_code == 302
    assert Irritant.objects.count() == 1


def test_a_body_without_a_length_is_refused(client, call):
    body = UnreadableInput()
    host, url = address(call)
    response = client.generic(
        "POST", url, HTTP_HOST=host, HTTP_TRANSFER_ENCODING="chunked", **{"wsgi.input": body}
    )

    assert response.status_code == 411
    assert body.reads == 0
    assert not Irritant.objects.exists()


def test_too_many_file_parts_are_refused(client, call, settings):
    files = [
        SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4\n")
        for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)
    ]
    response = post(client, call, {**irritant_data(), "attachments": files})

    assert response.status_code == 400
    assert not Irritant.objects.exists()


def noisy_png(size):
    """A PNG that does not compress below ``size`` bytes."""
    side = int(size**0.5)
    pixels = bytes(range(256)) * (side * side * 3 // 256 + 1)
    image = PILImage.frombytes("RGB", (side, side), pixels)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0)
    return buffer.getvalue()


def test_the_admin_has_a_limit_of_its_own_even_before_signing_in(client, settings):
    settings.ADMIN_REQUEST_MAX_BYTES = 1024 * 1024
    # The CSRF check reads a login form before anyone is known: the body is never read.
    response = client.generic(
        "POST",
        "/admin/login/",
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.ADMIN_REQUEST_MAX_BYTES + 1),
    )
    assert response.status_code == 413


def test_the_admins_image_upload_is_not_held_to_the_public_limit(client, django_user_model):
    admin = django_user_model.objects.create_superuser("uploader", password="x-long-password")
    client.force_login(admin)
    content = noisy_png(request_size_limit() + 50_000)
    assert len(content) > request_size_limit()

    response = client.post(
        "/admin/images/add/",
        {
            "title": "Grande photo",
            "file": SimpleUploadedFile("grande.png", content),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Image.objects.filter(title="Grande photo").exists()


# The rate limit's store -------------------------------------------------------------------


def attempt(address="203.0.113.7"):
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    return ratelimit.allow("test", request, django_settings.IRRITANTS_RATE_LIMIT)


def test_without_redis_the_count_is_in_the_database_without_the_address(settings):
    settings.IRRITANTS_RATE_LIMIT = "3/3600"

    assert [attempt() for _n in range(5)] == [True, True, True, False, False]
    counter = RateLimitCounter.objects.get()
    assert counter.count == 5
    assert "203.0.113.7" not in counter.key
    assert counter.key == ratelimit.counter_key("ratelimit:test:203.0.113.7")
    assert "203.0.113.7" not in counter.key
    assert attempt("203.0.113.8")  # another address counts apart


def test_a_window_that_has_ended_starts_again(settings):
    settings.IRRITANTS_RATE_LIMIT = "2/3600"
    assert attempt() and attempt() and not attempt()

    RateLimitCounter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    assert attempt()
    counter = RateLimitCounter.objects.get()
    assert counter.count == 1
    assert counter.expires_at > timezone.now() + datetime.timedelta(seconds=3500)


def test_ended_windows_of_other_addresses_are_deleted_as_others_count(settings):
    settings.IRRITANTS_RATE_LIMIT = "2/3600"
    for n in range(3):
        attempt(f"198.51.100.{n}")
    RateLimitCounter.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    attempt()

    assert RateLimitCounter.objects.count() == 1
