import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import never_cache

from territories.identity import SiteIdentity

from .health import run_checks

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 when every part answers; 503 naming the parts that do not (for load balancers)."""
    results = run_checks()
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": results},
        status=200 if healthy else 503,
    )


def lockout(request, original_response=None, credentials=None):
    """django-axes's answer to a locked-out sign-in: say why and for how long, in French."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "operations/lockout.html", {"cooloff_minutes": minutes}, status=429)


# Seconds a client (or a crawler) is asked to wait before trying again.
UNAVAILABLE_RETRY_AFTER = 30


@never_cache
def server_error(request):
    """The 500 page in the failing site's identity, except for a database that cannot be
    reached: a 503 that says the service is back shortly, with Retry-After (the load balancer
    and crawlers understand it), rendered without context processors or queries.
    The error may come before LocaleMiddleware has run (the page cache reads the database
    first), so the page's language is taken from its URL here.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        if is_outage(sys.exc_info()[1]):
            response = HttpResponse(
                loader.render_to_string("operations/unavailable.html"), status=503
            )
            response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
            return response
        return HttpResponseServerError(
            loader.render_to_string("500.html", {"identity": identity_or_none(request)})
        )


def is_outage(error):
    """Whether ``error`` says the database cannot be reached. Django wraps the driver's errors
    in its own classes, except on a few cleanup paths (closing a server-side cursor after the
    server went away raises the driver's error as it is)."""
    driver = connection.Database
    return isinstance(
        error, (OperationalError, InterfaceError, driver.OperationalError, driver.InterfaceError)
    )


def identity_or_none(request):
    """The failing site's name and colour for the 500 page, unless finding them fails too."""
    try:
        return SiteIdentity.for_request(request)
    except Exception:
        logger.warning("No site identity for the error page", exc_info=True)
        return None
