"""Shared fixtures: the demo network is loaded once into the test database.

Each test then runs inside a transaction that is rolled back, so tests may change
the demo freely without affecting each other.
"""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from demo.irritants import load_demo_irritants
from demo.loader import DemoLoader


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    # The demo's logos and diagram, and every rendition, go to a throwaway folder, never
    # to the project's var/media.
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(scope="session")
def django_db_setup(_media_root, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        DemoLoader(port=8000).load()
        load_demo_irritants()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths; a rolled-back test must not leave them behind.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    # The test client leaves the language of its last request active: a test must not
    # inherit another test's English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    # Irritant attachments go to a throwaway folder, never to var/private.
    settings.IRRITANTS_PRIVATE_ROOT = tmp_path / "private"


# The demo territories and languages most tests start from.
@pytest.fixture
def var():
    from territories.models import Territory

    return Territory.objects.get(slug="var")


@pytest.fixture
def pau():
    from territories.models import Territory

    return Territory.objects.get(slug="pau")


@pytest.fixture
def english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture
def redis_cache(settings):
    """A real redis-server as the cache (the tolerant backend of production), killed after."""
    from operations import cache as tolerant
    from tests.live.services import RedisServer

    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.TolerantRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    tolerant._down_since.clear()
    yield server
    server.kill()
    tolerant._down_since.clear()
