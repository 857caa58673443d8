"""A fixed-window rate limit per client address, kept in Django's cache (the same rule as
irritants/ratelimit.py, which this app may not import: a candidate for a shared module)."""

from django.conf import settings
from django.core.cache import cache

from operations.clients import client_address

# Subscription requests per address: so many per so many seconds.
DEFAULT_RATE = "10/3600"


def allow(scope, request):
    """Count one attempt from the request's address; False once the limit is passed. When
    the cache is unreachable every attempt counts as the first (fails open)."""
    count, _slash, seconds = getattr(settings, "SUBSCRIPTIONS_RATE_LIMIT", DEFAULT_RATE).partition(
        "/"
    )
    limit, window = int(count), int(seconds)
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
