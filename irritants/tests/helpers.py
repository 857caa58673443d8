"""Shared test data: where a call answers, and files that are and are not what they say.

The call, its territory and a valid submission come from the builders (testing/); the demo's
call below is for the tests that run on the demo network (live, cache, proxies)."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from irritants.models import CallForIrritantsPage
from testing import irritant_data

# The demo's call ----------------------------------------------------------------------

CALL_URL = "/appels/appel-a-irritants-saison-2/"
HOST = "pau.localhost"
valid_submission = irritant_data


def open_call():
    """Pau's second call, open today whatever the date the suite runs on."""
    call = CallForIrritantsPage.objects.get(
        url_path__endswith="/appel-a-irritants-saison-2/", alias_of=None
    )
    today = timezone.localdate()
    call.opens_on = today - datetime.timedelta(days=1)
    call.closes_on = today + datetime.timedelta(days=30)
    call.save_revision().publish()
    return call


# Any call -----------------------------------------------------------------------------


def address(page):
    """(host, path) at which ``page`` answers on its own site."""
    site = page.get_site()
    return site.hostname, page.relative_url(site)


def post(client, call, data, path="", **extra):
    """``data`` posted to ``call``'s public form (or to ``path`` below the call)."""
    host, url = address(call)
    return client.post(url + path, data, HTTP_HOST=host, **extra)


def get(client, page, path=""):
    host, url = address(page)
    return client.get(url + path, HTTP_HOST=host)


def pdf_file(name="constat.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def png_file(name="capture.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


def docx_file(name="note.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())
