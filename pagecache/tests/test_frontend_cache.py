"""A CDN in front is configured from the environment and purged when a page is published."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured

from pagecache.config import frontend_cache_backends
from projects.models import ProjectPage


def test_nothing_is_configured_by_default():
    assert frontend_cache_backends({}) == {}


def test_the_backends_come_from_the_environment():
    backends = frontend_cache_backends(
        {
            "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081",
            "CLOUDFLARE_API_TOKEN": "jeton",
            "CLOUDFLARE_ZONE_ID": "zone",
            "CLOUDFRONT_DISTRIBUTION_ID": "E123",
        }
    )
    assert backends["http"]["LOCATION"] == "http://127.0.0.1:6081"
    assert backends["cloudflare"]["BEARER_TOKEN"] == "jeton"
    assert backends["cloudflare"]["ZONEID"] == "zone"
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "E123"


def test_cloudflare_needs_both_its_token_and_its_zone():
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_backends({"CLOUDFLARE_API_TOKEN": "jeton"})


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint: it records what it was asked to forget."""

    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_publishing_purges_the_page_and_what_lists_it(proxy, settings):
    settings.WAGTAILFRONTENDCACHE = frontend_cache_backends(
        {"FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{proxy.server_port}"}
    )
    project = ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")
    project.title = "RSA en ligne, deuxième version"
    project.save_revision().publish()

    purged = set(proxy.purged)
    var, hub = "var.localhost:8000", "localhost:8000"
    for expected in [
        (var, "/projets/rsa-en-ligne/"),
        (var, "/projets/"),
        (var, "/"),
        (var, "/flux/rss.xml"),
        (var, "/api/projects.json"),
        (hub, "/"),
        (hub, "/catalogue/"),
        (hub, "/flux/atom.xml"),
    ]:
        assert expected in purged, (expected, sorted(purged))
    # Another territory's site shows nothing of it.
    assert not [host for host, _path in purged if host.startswith("pau.")]
