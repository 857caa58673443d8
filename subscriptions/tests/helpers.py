"""Subscribing over HTTP as a visitor does, and following the links of the emails."""

import re
import secrets
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from django.core import mail
from django.utils import timezone

from subscriptions.models import Frequency, Subscription


def host_of(territory):
    return territory.site.hostname


def subscribe(client, page, email, frequency=Frequency.IMMEDIATE, prefix="", **extra):
    """POST the subscription form of ``page`` (a news index or a project page)."""
    territory_host = page.get_site().hostname
    return client.post(
        f"{prefix}/abonnement/?page={page.pk}",
        {"email": email, "frequency": frequency},
        HTTP_HOST=territory_host,
        **extra,
    )


def link_in(message, name):
    """(host, path, token) of the ``/abonnement/<name>/?cle=`` link in an email's body."""
    match = re.search(rf"https?://\S+/abonnement/{name}/\?cle=\S+", message.body)
    assert match, message.body
    return split(match.group(0))


def split(url):
    parts = urlsplit(url)
    return parts.hostname, parts.path, parse_qs(parts.query)["cle"][0]


def follow(client, link, method="get", **extra):
    host, path, token = link
    url = f"{path}?cle={token}"
    return getattr(client, method)(url, HTTP_HOST=host, **extra)


def subscription(email, territory, project=None, language="fr", days_ago=1, **fields):
    """A subscription confirmed ``days_ago`` days ago (``confirmed=False``: still pending)."""
    confirmed = fields.pop("confirmed", True)
    when = timezone.now() - timedelta(days=days_ago)
    return Subscription.objects.create(
        email=email,
        territory=territory,
        project=project,
        language=language,
        created_at=when,
        requested_at=when,
        confirmed_at=when if confirmed else None,
        nonce=secrets.token_hex(16),
        **fields,
    )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)
