"""Attachments to irritants: what is accepted, recognised by content, and where it is kept.

An extension proves nothing, so each file is recognised by its first bytes (and, for office
documents, by the parts inside the archive); the extension must then agree with what the
content is. Files live outside MEDIA_ROOT: only the reviewing team downloads them, through
the admin.
"""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# How many files one submission may carry (the request size guard counts on it too).
IRRITANTS_MAX_ATTACHMENTS = 3


class PrivateStorage(FileSystemStorage):
    """Files under IRRITANTS_PRIVATE_ROOT, read at each use (tests point it elsewhere)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.IRRITANTS_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Irritant attachments have no public URL: use the admin's download view.")


def private_storage():
    # A callable, so that migrations record a reference to it rather than a path.
    return PrivateStorage()


# Kind → extensions it may carry.
KINDS = {
    "pdf": {"pdf"},
    "png": {"png"},
    "jpeg": {"jpg", "jpeg"},
    "gif": {"gif"},
    "webp": {"webp"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
}
ACCEPTED_EXTENSIONS = sorted(set().union(*KINDS.values()))

MAGIC = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
]
OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def detect_kind(upload):
    """The kind of file the content really is, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for signature, kind in MAGIC:
        if head.startswith(signature):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(upload)
    return None


def _office_kind(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                # Read a few bytes only: a crafted archive may inflate to gigabytes.
                with archive.open("mimetype") as mimetype:
                    return ODF_MIMETYPES.get(mimetype.read(100).strip())
            if "[Content_Types].xml" in names:
                return next((kind for part, kind in OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def validate_attachment(upload):
    """Refuse a file that is too big, of a kind we do not take, or disguised as another."""
    limit = settings.IRRITANTS_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is too big (%(size)s): the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_big",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ACCEPTED_EXTENSIONS:
        raise ValidationError(
            _(
                "This kind of file is not accepted. Send a PDF, an image or an office "
                "document (%(list)s)."
            )
            % {"list": ", ".join(ACCEPTED_EXTENSIONS)},
            code="extension",
        )
    kind = detect_kind(upload)
    if kind is None or extension not in KINDS[kind]:
        raise ValidationError(
            _(
                "The content of this file does not match its “.%(extension)s” name. Send the "
                "original document, not a renamed file."
            )
            % {"extension": extension},
            code="disguised",
        )


def delete_files(irritant):
    """Erase an irritant's attachments, files and records (the purge of personal data)."""
    for attachment in irritant.attachments.all():
        # At once, as the purge promises; deleting a record alone waits for the commit
        # (irritants/signals.py).
        attachment.file.delete(save=False)
        attachment.delete()
