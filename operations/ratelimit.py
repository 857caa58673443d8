"""A fixed-window rate limit per client address, counted where every gunicorn worker sees it:
the irritant form and the subscription form use it, each under its own scope and rate.

With Redis (REDIS_URL), the count lives in Django's default cache. When Redis is down the
cache behaves as a miss (operations/cache.py): every attempt then counts as the first and the
limit fails open, so agents can still report an irritant; the cache logs the outage.

Without Redis the default cache is each process's own memory, where every worker would count
alone (and allow workers × the limit): the count then lives in the database
(RateLimitCounter), which the form needs anyway. One row per address and scope, keyed by
an HMAC under the secret key (a plain hash of an IPv4 address is reversed by trying them
all), so that no address is stored; expired rows are deleted as others are written.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .clients import client_address
from .models import RateLimitCounter

# Caches whose content other processes do not see.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
# Expired rows deleted per counted attempt: enough to keep up, never a long statement.
CLEANUP_BATCH = 50


def parse_rate(rate):
    """ "10/3600" → (10, 3600): so many attempts per so many seconds."""
    count, _slash, seconds = rate.partition("/")
    return int(count), int(seconds)


def allow(scope, request, rate):
    """Count one attempt from the request's address under ``scope``; False once ``rate``
    ("attempts/seconds") is passed."""
    limit, window = parse_rate(rate)
    key = f"ratelimit:{scope}:{client_address(request)}"
    if settings.CACHES["default"]["BACKEND"] in PROCESS_LOCAL_CACHES:
        attempts = count_in_database(key, window)
    else:
        attempts = count_in_cache(key, window)
    return attempts <= limit


def count_in_cache(key, window):
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr(), or the cache is unreachable
        cache.set(key, 1, timeout=window)
        return 1


def counter_key(key):
    return salted_hmac("operations.ratelimit", key, algorithm="sha256").hexdigest()


def count_in_database(key, window):
    """This attempt's number in the current window, counted atomically: the increment is one
    UPDATE, so two workers never read the same count (PostgreSQL locks the row until commit;
    SQLite lets one writer at a time)."""
    digest = counter_key(key)
    counter = RateLimitCounter.objects.filter(key=digest)
    # A row deleted as expired by another worker between the insert and the update: again.
    for _attempt in range(3):
        now = timezone.now()
        ends = now + timedelta(seconds=window)
        with transaction.atomic():
            # INSERT … ON CONFLICT DO NOTHING: the first attempt of a window creates the row.
            RateLimitCounter.objects.bulk_create(
                [RateLimitCounter(key=digest, count=0, expires_at=ends)], ignore_conflicts=True
            )
            # A window that has ended starts again at this attempt (both SETs read the old row).
            updated = counter.update(
                count=Case(When(expires_at__lte=now, then=Value(1)), default=F("count") + 1),
                expires_at=Case(
                    When(expires_at__lte=now, then=Value(ends)), default=F("expires_at")
                ),
            )
            if updated:
                attempts = counter.values_list("count", flat=True).get()
                _delete_expired(now)
                return attempts
    return 1  # never seen; counting nothing rather than refusing an agent


def _delete_expired(now):
    # Rows another transaction holds are skipped (PostgreSQL), so that two workers cleaning
    # at once never wait for each other, let alone deadlock.
    stale = (
        RateLimitCounter.objects.filter(expires_at__lte=now)
        .select_for_update(skip_locked=True)
        .values("key")[:CLEANUP_BATCH]
    )
    RateLimitCounter.objects.filter(key__in=stale).delete()
