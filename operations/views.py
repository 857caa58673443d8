from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

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
