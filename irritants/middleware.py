"""Requests bigger than the irritant form can be are refused before their body is read.

The largest thing a visitor of a public site sends is a submission to a call: its text and up
to IRRITANTS_MAX_ATTACHMENTS files. Anything larger is refused with 413 from the headers
alone, so that nobody fills the disk or holds a worker with a huge upload. The admin has a
limit of its own, for editors' images and documents (ADMIN_REQUEST_MAX_BYTES): its forms are
read (the CSRF check) before anyone is known to be signed in, so it needs one too.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from operations.views import identity_or_none

from .attachments import IRRITANTS_MAX_ATTACHMENTS

# The form's text fields come to about 15,000 characters, up to 4 bytes each in UTF-8 and
# percent-encoded or wrapped in multipart headers: 64 KiB covers them with room to spare.
TEXT_ALLOWANCE = 64 * 1024
ADMIN_PREFIX = "/admin/"


def request_size_limit(path="/"):
    """The most bytes a request to ``path`` may carry, read at each request (tests change
    it): the admin's uploads, or the largest submission to a call."""
    if path.startswith(ADMIN_PREFIX):
        return settings.ADMIN_REQUEST_MAX_BYTES
    return IRRITANTS_MAX_ATTACHMENTS * settings.IRRITANTS_ATTACHMENT_MAX_BYTES + TEXT_ALLOWANCE


class RequestSizeLimitMiddleware:
    """Placed before anything reads the body (the CSRF check reads the form)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_TRANSFER_ENCODING" in request.META:
            # A body without a length cannot be measured before it is read; Django would
            # read none of it anyway. Browsers always send a form with its length.
            return HttpResponse(
                _("Send the request with its Content-Length."),
                status=411,
                content_type="text/plain; charset=utf-8",
            )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body either
        limit = request_size_limit(request.path_info)
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request, limit):
    # Before LocaleMiddleware: the page's language is the one its URL names.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.render_to_string(
            "irritants/request_too_large.html",
            {
                "identity": identity_or_none(request),
                "limit": filesizeformat(limit),
                "count": IRRITANTS_MAX_ATTACHMENTS,
                "each": filesizeformat(settings.IRRITANTS_ATTACHMENT_MAX_BYTES),
                "back_url": request.path,
                "admin": request.path_info.startswith(ADMIN_PREFIX),
            },
        )
    # No Connection header (WSGI forbids it): the server closes a connection whose body it
    # did not read (gunicorn's workers close each one anyway).
    return HttpResponse(body, status=413)
