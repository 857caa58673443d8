"""With Redis shared by every app server, the generations live beside the entries: a cached
page costs no database query, and a publication is seen by every process once committed."""

import time

import pytest
import redis
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import generations
from home.models import Generation
from operations import cache as tolerant
from pagecache import middleware
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

VAR = "var.localhost"
PROJECT = "/projets/rsa-en-ligne/"


def forget_everything():
    generations._agreed["at"] = None
    generations.leases.forget()
    generations._exit_wait["until"] = None
    middleware._recent_entries.clear()


@pytest.fixture
def shared(redis_cache, settings):
    settings.GENERATIONS_IN_CACHE = True
    forget_everything()
    yield redis_cache
    forget_everything()


def redis_commands(server):
    """How many commands Redis has run, the INFO asking it left out."""
    stats = server.info("commandstats")
    return sum(stat["calls"] for name, stat in stats.items() if name != "cmdstat_info")


def state(client):
    response = client.get(PROJECT, HTTP_HOST=VAR)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def publish_new_title(title):
    project = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    project.title = title
    project.save_revision().publish()


def test_a_cached_page_costs_no_database_query(client, shared):
    assert state(client)[0] == "miss"
    with CaptureQueriesContext(connection) as queries:
        assert state(client)[0] == "hit"
    assert len(queries) == 0


def test_a_page_served_lately_comes_from_the_process_only_while_it_is_current(
    client, shared, django_capture_on_commit_callbacks
):
    state(client)
    assert state(client)[0] == "hit"
    # The shared entries gone (evicted by Redis): the process still holds the page it served,
    # and reads the generations alone.
    server = redis.Redis.from_url(shared.url)
    server.delete(*server.keys("*pagecache:page*"))
    assert state(client)[0] == "hit"
    # Each hit has its own headers: one sent gzipped leaves the next one plain.
    gzipped = client.get(PROJECT, HTTP_HOST=VAR, HTTP_ACCEPT_ENCODING="gzip")
    assert (gzipped[middleware.HEADER], gzipped["Content-Encoding"]) == ("hit", "gzip")
    plain = client.get(PROJECT, HTTP_HOST=VAR)
    assert plain[middleware.HEADER] == "hit"
    assert "Content-Encoding" not in plain
    assert int(plain["Content-Length"]) == len(plain.content) > int(gzipped["Content-Length"])

    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title("RSA en ligne, nouveau titre")
    served, content = state(client)
    assert served == "miss"
    assert "nouveau titre" in content


def test_a_page_served_again_within_the_lease_costs_no_call_to_redis(
    client, shared, settings, monkeypatch
):
    settings.GENERATIONS_LEASE_SECONDS = 60
    # Nor a check against the database meanwhile, which reads Redis too.
    monkeypatch.setattr(generations, "RECONCILE_SECONDS", 60)
    server = redis.Redis.from_url(shared.url)
    state(client)
    assert state(client)[0] == "hit"
    before = redis_commands(server)

    for _read in range(5):
        assert state(client)[0] == "hit"

    assert redis_commands(server) == before


def test_another_process_s_publication_is_read_once_the_lease_has_run_out(
    client, shared, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.GENERATIONS_LEASE_SECONDS = 60
    monkeypatch.setattr(generations, "RECONCILE_SECONDS", 60)
    state(client)
    assert state(client)[0] == "hit"
    # Another process publishes: the database's generations, then Redis's, as its write does.
    with django_capture_on_commit_callbacks(execute=False):
        publish_new_title("RSA en ligne, publiée ailleurs")
    for scope, value in Generation.objects.values_list("scope", "value"):
        cache.set(generations.CacheGenerations.prefix + scope, f"{value}.ailleurs", None)

    # Its publication is not answered yet (it waits out the lease this process holds): what
    # this process read before is still the current page for it.
    assert state(client)[0] == "hit"
    generations.leases.forget()  # the lease has run out
    served, content = state(client)
    assert served == "miss"
    assert "publiée ailleurs" in content


def test_a_request_s_changes_complete_once_every_lease_taken_before_them_has_run_out(
    shared, settings
):
    settings.GENERATIONS_LEASE_SECONDS = 1.0
    store = generations.CacheGenerations()

    start = time.monotonic()
    with generations.changes_seen_everywhere():
        for _page in range(3):
            store.write({generations.NETWORK: "publiée"})
    # One lease for the request, not one per write.
    assert 1.0 <= time.monotonic() - start < 2.5


def test_a_page_kept_by_the_process_is_read_again_once_its_time_is_up(client, shared, monkeypatch):
    # Pages whose content changes with the date (a call that opens) are not kept longer.
    monkeypatch.setattr(middleware, "RECENT_SECONDS", 0)
    state(client)
    assert state(client)[0] == "hit"
    server = redis.Redis.from_url(shared.url)
    server.delete(*server.keys("*pagecache:page*"))

    assert state(client)[0] == "miss"


def test_the_new_generation_is_written_once_the_change_is_committed(
    client, shared, django_capture_on_commit_callbacks
):
    state(client)
    with django_capture_on_commit_callbacks() as callbacks:
        publish_new_title("RSA en ligne, version validée")
        # Not committed yet: other processes must not render the old content under a new
        # generation, so the shared one has not changed.
        assert state(client)[0] == "hit"
    for callback in callbacks:
        callback()
    served, content = state(client)
    assert served == "miss"
    assert "version validée" in content


def test_a_generation_redis_missed_is_caught_up_when_it_answers_again(
    client, shared, django_capture_on_commit_callbacks
):
    state(client)
    # Redis is skipped as after a failure: the publication's write is lost.
    tolerant._down_since[str(shared.url)] = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title("RSA en ligne, publiée pendant la panne")
    assert state(client)[0] == "miss"  # nothing is read from the cache meanwhile

    # Redis answers again, still holding the entry stored under the old generations.
    tolerant._down_since.clear()
    served, content = state(client)
    assert served == "miss"
    assert "publiée pendant la panne" in content
    assert state(client)[0] == "hit"


def test_a_write_lost_by_another_process_is_caught_up_within_seconds(
    client, shared, django_capture_on_commit_callbacks
):
    state(client)
    assert state(client)[0] == "hit"
    # The publishing process dies before its after-commit write: no process knows.
    with django_capture_on_commit_callbacks(execute=False):
        publish_new_title("RSA en ligne, écrite par un autre")
    generations._agreed["at"] = time.monotonic() - generations.RECONCILE_SECONDS
    served, content = state(client)
    assert served == "miss"
    assert "écrite par un autre" in content


def test_redis_refusing_writes_neither_fails_the_publication_nor_serves_it_stale(
    client, shared, settings, monkeypatch, django_capture_on_commit_callbacks
):
    state(client)
    admin = redis.Redis.from_url(shared.url)
    admin.config_set("maxmemory", "1")
    monkeypatch.setattr(generations, "RECONCILE_SECONDS", 0.5)
    try:
        start = time.monotonic()
        with generations.changes_seen_everywhere():
            with django_capture_on_commit_callbacks(execute=True):
                publish_new_title("RSA en ligne, Redis plein")
        # The other processes still read the old generations from Redis: the publication
        # completes once each has checked against the database.
        assert time.monotonic() - start >= 0.5 + settings.GENERATIONS_LEASE_SECONDS
        served, content = state(client)
        assert served != "hit"
        assert "Redis plein" in content
    finally:
        admin.config_set("maxmemory", "0")
