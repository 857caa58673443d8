"""The generations of the network and of each site, and what is cached under them.

A cached entry's key holds the generations of the network and of its site as they were read
*before* the entry was computed. Any change that can show on a site gives that site (or the
whole network) a new generation, in the transaction of the change: an entry computed from
older content is then under a key nobody reads any more. Nothing cached can be served stale,
whatever the order of a publication and a request being rendered.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .models import Generation

NETWORK = "network"


def site_scope(site_id):
    return f"site:{site_id}"


def current(request):
    """Every scope's generation, read once per request (one query, however many sites)."""
    if not hasattr(request, "_pagecache_generations"):
        request._pagecache_generations = dict(Generation.objects.values_list("scope", "value"))
    return request._pagecache_generations


def bump(*scopes):
    """New generations for these scopes: what was cached under the old ones is obsolete."""
    for scope in set(scopes):
        Generation.objects.update_or_create(scope=scope, defaults={"value": uuid.uuid4().hex})


def timeout():
    return settings.PAGECACHE_TIMEOUT


def scoped_key(request, site, *parts):
    """A cache key under the network's and the site's current generations."""
    generations = current(request)
    network = generations.get(NETWORK, "")
    own = generations.get(site_scope(site.pk), "")
    return ":".join(["pagecache", network, str(site.pk), own, *parts])


def cached_for_site(request, site, name, build):
    """What ``build()`` returns for ``site`` (the request's), in the active language, computed
    once per generation. ``build`` must depend only on the site, the language and the content."""
    if site is None:
        return build()
    # Hashed: a long path must not make a key longer than cache backends accept.
    digest = hashlib.sha256(f"{get_language()} {name}".encode()).hexdigest()
    key = scoped_key(request, site, digest)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout())
    return value
