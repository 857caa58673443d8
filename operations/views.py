import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

from .health import run_checks


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
    """Django's 500 page, except for a database that cannot be reached: a 503 that says the
    service is back shortly, with Retry-After (the load balancer and crawlers understand it).

    Rendered without context processors or queries: the database is what failed.
    """
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("operations/unavailable.html"), status=503)
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
        return response
    return django_server_error(request)
