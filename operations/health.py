"""What /healthz checks: each part the platform cannot serve without."""

import uuid

from django.core.cache import cache
from django.db import connection


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    # The tolerant Redis backend hides outages from pages (operations/cache.py); health
    # probes the server itself, so that the load balancer and the operators see them.
    backend = getattr(cache, "strict", cache)
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    backend.set(key, value, timeout=10)
    if backend.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    backend.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def run_checks():
    """{part: "ok" or the error's class name}; never raises."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
            results[name] = f"error: {type(error).__name__}"
        else:
            results[name] = "ok"
    return results
