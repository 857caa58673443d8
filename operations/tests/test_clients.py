"""The client's address behind reverse proxies, and the limits that count by it."""

import pytest
from django.test import RequestFactory

from irritants.models import Irritant
from irritants.tests.helpers import CALL_URL, HOST, open_call, valid_submission
from operations.clients import client_address

pytestmark = pytest.mark.django_db


def address(settings, count, remote="10.0.0.1", forwarded=None):
    settings.TRUSTED_PROXY_COUNT = count
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **extra))


def test_without_trusted_proxies_the_header_is_ignored(settings):
    assert address(settings, 0, forwarded="203.0.113.7") == "10.0.0.1"


def test_behind_one_proxy_the_address_it_saw_is_used_and_client_entries_are_not(settings):
    assert address(settings, 1, forwarded="203.0.113.7") == "203.0.113.7"
    # A client that writes its own header only adds entries to the left of the proxy's.
    assert address(settings, 1, forwarded="198.51.100.1, 203.0.113.7") == "203.0.113.7"


def test_behind_two_proxies_the_outer_ones_entry_is_used(settings):
    forwarded = "198.51.100.1, 203.0.113.7, 10.0.0.2"
    assert address(settings, 2, forwarded=forwarded) == "203.0.113.7"
    assert address(settings, 2, forwarded="2001:db8::1, 10.0.0.2") == "2001:db8::1"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", "203.0.113.7; DROP", "a, b"])
def test_a_short_or_malformed_header_falls_back_to_the_connection(settings, forwarded):
    assert address(settings, 2 if forwarded == "" else 1, forwarded=forwarded) == "10.0.0.1"


def post(client, data, remote, forwarded):
    return client.post(
        CALL_URL, data, HTTP_HOST=HOST, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded
    )


def test_the_rate_limit_counts_clients_behind_the_proxy_and_spoofing_does_not_escape_it(
    client, settings
):
    open_call()
    before = Irritant.objects.count()
    settings.TRUSTED_PROXY_COUNT = 1
    settings.IRRITANTS_RATE_LIMIT = "2/3600"
    proxy = "10.0.0.2"
    assert post(client, valid_submission(), proxy, "203.0.113.7").status_code == 302
    assert post(client, valid_submission(), proxy, "203.0.113.7").status_code == 302
    # The same client, inventing an address in front of the proxy's entry: still refused.
    spoofed = post(client, valid_submission(), proxy, "198.51.100.99, 203.0.113.7")
    assert spoofed.status_code == 429
    # Another agent behind the same proxy is not affected.
    assert post(client, valid_submission(), proxy, "203.0.113.8").status_code == 302
    assert Irritant.objects.count() == before + 3


def test_without_trusted_proxies_a_forged_header_does_not_escape_the_limit(client, settings):
    open_call()
    settings.IRRITANTS_RATE_LIMIT = "1/3600"
    assert post(client, valid_submission(), "203.0.113.7", "198.51.100.1").status_code == 302
    assert post(client, valid_submission(), "203.0.113.7", "198.51.100.2").status_code == 429


def test_sign_in_throttling_reads_the_same_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(2):
        client.post(
            "/admin/login/",
            {"username": "admin", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
