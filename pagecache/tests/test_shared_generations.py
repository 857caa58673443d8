"""With Redis shared by every app server, the generations live beside the entries: a cached
page costs no database query, and a publication is seen by every process once committed."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import generations
from operations import cache as tolerant
from projects.models import ProjectPage
from tests.live.services import RedisServer

pytestmark = pytest.mark.django_db

VAR = "var.localhost"
PROJECT = "/projets/rsa-en-ligne/"


@pytest.fixture
def shared(settings):
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.TolerantRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.GENERATIONS_IN_CACHE = True
    tolerant._down_since.clear()
    generations._unwritten.clear()
    yield server
    server.kill()
    tolerant._down_since.clear()
    generations._unwritten.clear()


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


def test_a_generation_redis_missed_is_written_when_it_answers_again(
    client, shared, django_capture_on_commit_callbacks
):
    state(client)
    # Redis is skipped as after a failure: the publication's write is lost.
    tolerant._down_since[str(shared.url)] = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_title("RSA en ligne, publiée pendant la panne")
    assert generations._unwritten
    assert state(client)[0] == "miss"  # nothing is read from the cache meanwhile

    # Redis answers again, still holding the entry stored under the old generations.
    tolerant._down_since.clear()
    served, content = state(client)
    assert not generations._unwritten
    assert served == "miss"
    assert "publiée pendant la panne" in content
    assert state(client)[0] == "hit"
