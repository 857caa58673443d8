"""The agent's private links: the follow-up page's key and the key that stops the emails.

The follow-up key is shown once, in the acknowledgement email; only its sha256 is stored (as
for invitations), so a copy of the database opens no follow-up page. The unsubscribe key is
recomputed from the server's secret, the reference and that hash: every email can carry it,
it is not the follow-up key (an unsubscribe link forwarded or prefetched opens nothing), and it
changes when a new follow-up key is issued.
"""

import secrets

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

from territories.private_links import hash_token

from .models import Irritant

KEY_PARAMETER = "cle"
UNSUBSCRIBE_SALT = "irritants.followup.unsubscribe"
# A key longer than this is not one of ours: it is not even hashed.
MAX_KEY_LENGTH = 200


def issue_token(irritant):
    """A new follow-up key for ``irritant`` (its hash set, not saved): the old link stops."""
    token = secrets.token_urlsafe(32)
    irritant.followup_token_hash = hash_token(token)
    return token


def site_root(irritant):
    """The root URL of the site the agent knows: the call's, else the territory's."""
    site = irritant.call.get_site() if irritant.call_id and irritant.call else None
    site = site or irritant.territory.site
    return site.root_url.rstrip("/")


def _url(irritant, name, key):
    # The site's default language: the address has no language prefix.
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(f"irritants_public:{name}")
    return f"{site_root(irritant)}{path}?{KEY_PARAMETER}={key}"


def followup_url(irritant, token):
    return _url(irritant, "followup", token)


def unsubscribe_key(irritant):
    digest = salted_hmac(
        UNSUBSCRIBE_SALT,
        f"{irritant.reference}:{irritant.followup_token_hash or ''}",
        algorithm="sha256",
    ).hexdigest()
    return f"{irritant.reference}.{digest}"


def unsubscribe_url(irritant):
    return _url(irritant, "unsubscribe", unsubscribe_key(irritant))


def _answering(site):
    """The irritants whose links work on ``site``: its territory's, not purged."""
    return Irritant.objects.select_related("territory", "call").filter(
        territory__site=site, anonymised_at__isnull=True
    )


def find_by_token(token, site):
    """The irritant whose follow-up key is ``token`` on ``site``, or None."""
    if not token or len(token) > MAX_KEY_LENGTH or site is None:
        return None
    return _answering(site).filter(followup_token_hash=hash_token(token)).first()


def find_by_unsubscribe_key(key, site):
    """The irritant whose unsubscribe key is ``key`` on ``site``, or None."""
    if not key or len(key) > MAX_KEY_LENGTH or site is None or "." not in key:
        return None
    reference = key.split(".", 1)[0]
    irritant = _answering(site).filter(reference=reference).first()
    if irritant is None or not constant_time_compare(unsubscribe_key(irritant), key):
        return None
    return irritant
