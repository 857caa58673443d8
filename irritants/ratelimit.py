"""A fixed-window rate limit per client address, kept in Django's cache.

When Redis is down the cache behaves as a miss (operations/cache.py): every attempt then
counts as the first and the limit fails open, so agents can still report an irritant; the
cache logs the outage.
"""

from django.conf import settings
from django.core.cache import cache

from operations.clients import client_address


def parse_rate(rate):
    """ "10/3600" → (10, 3600): so many attempts per so many seconds."""
    count, _slash, seconds = rate.partition("/")
    return int(count), int(seconds)


def allow(scope, request):
    """Count one attempt from the request's address; False once the limit is passed."""
    limit, window = parse_rate(settings.IRRITANTS_RATE_LIMIT)
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add() and incr(), or the cache is unreachable
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts <= limit
