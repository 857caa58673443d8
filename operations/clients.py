"""The address of the client a request comes from, as far as it can be trusted."""

import ipaddress

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies, the address the outermost
    of them saw, read from X-Forwarded-For.

    Each proxy appends the address it received the request from, so the trusted part of the
    header is its last TRUSTED_PROXY_COUNT entries: anything to their left was written by the
    client and may be forged. A header shorter than that did not come through every proxy,
    so it is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
