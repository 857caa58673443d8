"""The tolerant Redis cache against a real redis-server that the test kills and restarts."""

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from operations import cache as tolerant
from operations import ratelimit
from operations.health import run_checks

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis(redis_cache):
    return redis_cache


def test_with_redis_up_it_is_an_ordinary_cache(redis):
    cache.set("key", "value")
    assert cache.get("key") == "value"
    assert cache.add("key", "other") is False
    assert cache.add("counter", 0) is True
    assert cache.incr("counter") == 1
    assert run_checks() == {"database": "ok", "cache": "ok"}


def test_with_redis_down_calls_are_misses_fast_and_health_names_the_cache(redis, caplog):
    cache.set("key", "value")
    redis.kill()

    start = time.monotonic()
    assert cache.get("key") is None
    assert cache.get("key", "default") == "default"
    assert cache.set("key", "value") is None
    assert cache.add("other", 1) is False
    assert cache.get_many(["key", "other"]) == {}
    assert cache.delete("key") is False
    with pytest.raises(ValueError):
        cache.incr("counter")
    # One connection attempt (0.5 s at most), then Redis is skipped for a while.
    assert time.monotonic() - start < 1.5
    assert "Redis is unreachable" in caplog.text

    checks = run_checks()
    assert checks["database"] == "ok"
    assert checks["cache"].startswith("error: ")


def test_the_rate_limit_fails_open_while_redis_is_down(redis, settings):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    assert ratelimit.allow("test", request, "1/3600")
    assert not ratelimit.allow("test", request, "1/3600")

    redis.kill()
    assert ratelimit.allow("test", request, "1/3600")
    assert ratelimit.allow("test", request, "1/3600")


def test_sessions_survive_redis_going_down_and_coming_back(redis, client, django_user_model):
    django_user_model.objects.create_superuser("admin-cache", password="x-long-password")
    response = client.post(
        "/admin/login/", {"username": "admin-cache", "password": "x-long-password"}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    redis.kill()
    assert client.get("/admin/").status_code == 200

    redis.start()
    tolerant._down_since.clear()  # rather than waiting out the retry delay
    assert client.get("/admin/").status_code == 200
    assert run_checks() == {"database": "ok", "cache": "ok"}
    cache.set("key", "value")
    assert cache.get("key") == "value"
