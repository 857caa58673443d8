"""Shared test data: a valid submission, an open call, files that are and are not what they say."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from irritants.models import CallForIrritantsPage

CALL_URL = "/appels/appel-a-irritants-saison-2/"
HOST = "pau.localhost"


def valid_submission(**overrides):
    data = {
        "title": "Les familles attendent trois semaines leur carte de cantine",
        "problem": "Chaque année, des centaines de familles remplissent trois fois le même "
        "formulaire pour la cantine, le périscolaire et le transport.",
        "consequences": "Des enfants sans repas à la rentrée, des parents qui posent des congés.",
        "people_affected": "Environ 2 000 familles par an",
        "service": "Éducation, restauration scolaire",
        "solution_idea": "",
        "submitter_name": "Camille Martin",
        "submitter_email": "camille.martin@agglo-pau.example",
        "submitter_service": "Direction de l'éducation",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


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
