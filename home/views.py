"""The server error page, in the identity of the site that failed when it can be found."""

import logging

from django.http import HttpResponseServerError
from django.template.loader import render_to_string

from territories.identity import SiteIdentity

logger = logging.getLogger(__name__)


def server_error(request):
    # Django renders its 500 page without context processors, since they may be what
    # failed; the identity is looked up here the same way, and left out if that fails too.
    try:
        identity = SiteIdentity.for_request(request)
    except Exception:
        logger.warning("No site identity for the error page", exc_info=True)
        identity = None
    return HttpResponseServerError(
        render_to_string("500.html", {"identity": identity, "request": request})
    )
