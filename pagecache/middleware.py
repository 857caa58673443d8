"""Anonymous visitors' GETs of public pages, served from Django's cache.

Only what is the same for every anonymous visitor is stored: a response that sets a cookie,
used the CSRF token (a form), is not a 200, or says it is private is rendered every time.
A request carrying a session (an editor, a visitor with a message waiting, a passed page
password) or a message cookie is never served from the cache. Entries are keyed on the
scheme, host, path, query string and language; each holds the generations of the network
and of its site it was rendered under (home/generations.py), and is served only while they
are still the current ones, so a change never lets an old entry be read again.

An entry is the response as it leaves, ready to send: its status line's headers and its
bytes. A hit costs the generations' read and one cache read, before any other middleware
but the security headers and the static files; with Redis, a page this process served
lately costs the generations' read alone, and nothing outside the process while its lease
on them lasts.
"""

import hashlib
import pickle
import time
from collections import OrderedDict
from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_path
from wagtail.views import serve as wagtail_serve

from home.generations import NETWORK, cached_for_site, current, site_scope, timeout
from home.privacy import keep_view_restrictions
from territories.scope import route_for_request, site_for_request

from .compression import accepts_gzip, compress_stream, gzipped_variant, send_gzipped

HEADER = "X-Page-Cache"
# 2: the gzipped bytes beside the plain ones.
ENTRY_LAYOUT = 2


def language_and_path(request):
    """The language of the address, and its path without the language prefix (/en/…)."""
    path = request.path_info
    language = get_language_from_path(path)
    return language, path.removeprefix(f"/{language}") if language else path


def anonymous_read(request):
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES
    )


def cacheable_response(request, response):
    """Whether the answer is the same for every visitor: revalidated by browsers, and
    stored for GET (a HEAD answer has the GET's headers and validator, its body is not sent)."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and holds_nothing_personal(request, response)
    )


def holds_nothing_personal(request, response):
    """No cookie, no CSRF token, nothing its view marked as this visitor's own: what may be
    stored, and compressed (a secret beside text an attacker chooses is what BREACH reads)."""
    cache_control = response.get("Cache-Control", "")
    return (
        not response.cookies
        # A page with a form holds this visitor's CSRF token.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def entry_key(request, host, language):
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    digest = hashlib.sha256(f"{language} {address}".encode()).hexdigest()
    # The entry's layout is in the key: entries of an older release are never read.
    return f"pagecache:page{ENTRY_LAYOUT}:{digest}"


def revalidated(response):
    """What browsers and a CDN in front may keep: the page, asked for again each time, and
    answered with a 304 while its ETag is the same (ConditionalGetMiddleware, in front of this
    one, also for hits). Neither can be told of every change (a purge reaches only the
    addresses of a published page and its listings), so neither keeps a page unasked.
    Last-Modified goes: a feed's is its newest item's date, which an unpublished item leaves
    unchanged."""
    if "Cache-Control" not in response:
        patch_cache_control(response, max_age=0, must_revalidate=True)
    if not response.has_header("ETag"):
        set_response_etag(response)
    del response["Last-Modified"]


def stored(response, network, site_id, own, gzipped):
    # The headers object itself: restoring it is a copy, without checking each header again.
    return (network, site_id, own, response.headers, response.content, gzipped)


def same_for_everyone(request, response):
    """Validators, compression, and (for a GET) the gzipped bytes of an answer that is the
    same for every visitor; ``None`` for another answer, which is left untouched."""
    if response.streaming:
        if (
            request.method == "GET"
            and holds_nothing_personal(request, response)
            and accepts_gzip(request)
        ):
            compress_stream(response)
        return None
    if not cacheable_response(request, response):
        return None
    revalidated(response)
    return gzipped_variant(response)


def sent(request, response, gzipped):
    return send_gzipped(response, gzipped) if gzipped and accepts_gzip(request) else response


# The site each host name was last served for, in this process: which site's generation to
# read with the entry. Only a guess: the entry's own site is what counts.
_site_of_host = {}


def remember_site(host, site_id):
    # Bounded, should ALLOWED_HOSTS let many names in.
    if len(_site_of_host) > 1000:
        _site_of_host.clear()
    _site_of_host[host] = site_id


# With a shared cache (Redis), the entries this process served last, by key: a hit on one of
# them reads the two generations alone, not the page's bytes again. Served under the same
# rule as the shared entry (only while its generations are the current ones), for a minute
# at most (a page whose content changes with the date is then read again, as from Redis),
# and only below a size (anyone may ask for many addresses). Kept pickled, as the shared
# cache keeps them: each hit gets its own headers, which the middleware around this one
# then add to (and gzip replaces the length of).
_recent_entries = OrderedDict()
RECENT_ENTRIES = 256
RECENT_SECONDS = 60
RECENT_MAX_BYTES = 256 * 1024


def is_current(generations, entry):
    """Whether the generations ``entry`` was stored under are still the current ones."""
    network, site_id, own = entry[:3]
    return generations.of(NETWORK, site_scope(site_id)) == (network, own)


def recent_entry(generations, key):
    kept = _recent_entries.get(key)
    if kept is None:
        return None
    kept_until, pickled = kept[3:]
    if time.monotonic() > kept_until or not is_current(generations, kept):
        return None
    with suppress(KeyError):  # evicted meanwhile by another thread
        _recent_entries.move_to_end(key)
    return pickle.loads(pickled)  # noqa: S301 (written by this process, below)


def keep_recent(key, entry):
    pickled = pickle.dumps(entry, pickle.HIGHEST_PROTOCOL)
    if len(pickled) > RECENT_MAX_BYTES:
        return
    _recent_entries[key] = (*entry[:3], time.monotonic() + RECENT_SECONDS, pickled)
    with suppress(KeyError):
        _recent_entries.move_to_end(key)
        while len(_recent_entries) > RECENT_ENTRIES:
            _recent_entries.popitem(last=False)


def served(request, key, host):
    """The cached response, or None if there is none or a change has made it obsolete."""
    generations = current(request)
    shared = settings.GENERATIONS_IN_CACHE
    entry = recent_entry(generations, key) if shared else None
    if entry is None:
        entry, _ = generations.with_entry(key, NETWORK)
        if entry is None or not is_current(generations, entry):
            return None
        if shared:
            keep_recent(key, entry)
    _network, site_id, _own, headers, content, gzipped = entry
    remember_site(host, site_id)
    response = HttpResponse(content)
    response.headers = headers
    response[HEADER] = "hit"
    return sent(request, response, gzipped)


class PageCacheMiddleware:
    """Placed before the middleware that set cookies (sessions, CSRF, messages), so that
    what it stores is the response exactly as they left it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language, path = language_and_path(request)
        anonymous = anonymous_read(request)
        if path.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES):
            # Never stored (the search's results, personal pages marked private, files);
            # still compressed and revalidated when the same for everyone.
            response = self.get_response(request)
            return (
                sent(request, response, same_for_everyone(request, response))
                if anonymous
                else response
            )
        host = request.get_host()
        host_site = _site_of_host.get(host)
        if host_site is not None:
            # Read with the network's, in the same query or cache call.
            current(request).expect(site_scope(host_site))
        if anonymous and settings.PAGECACHE_ENABLED:
            key = entry_key(request, host, language or settings.LANGUAGE_CODE)
            if (response := served(request, key, host)) is not None:
                return response
        # Every public request needs its site: from the cache, not a query.
        site = site_for_request(request)
        if site is not None and host_site != site.pk:
            remember_site(host, site.pk)
        if not anonymous:
            return self.get_response(request)
        if not settings.PAGECACHE_ENABLED or site is None:
            response = self.get_response(request)
            return sent(request, response, same_for_everyone(request, response))
        # Read before the page is rendered: if the content changes during the rendering,
        # the entry holds generations that are already obsolete.
        network, own = current(request).of(NETWORK, site_scope(site.pk))
        response = self.get_response(request)
        gzipped = same_for_everyone(request, response)
        if cacheable_response(request, response):
            if request.method == "GET":
                entry = stored(response, network, site.pk, own, gzipped)
                cache.set(key, entry, timeout())
            response[HEADER] = "miss"
        return sent(request, response, gzipped)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The page a path leads to (found in two queries, where Wagtail walks the tree a query
        # or two per level), and the restrictions on it, are the same until the site's content
        # changes.
        if view_func is wagtail_serve and not hasattr(request, "_wagtail_route_for_request"):
            # wagtail.urls passes the path positionally.
            path = view_args[0] if view_args else view_kwargs["path"]
            request._wagtail_route_for_request = cached_for_site(
                request,
                site_for_request(request),
                f"route:{path}",
                lambda: routed(request, path),
            )


def routed(request, path):
    """The route a path leads to, its page holding the restrictions that apply to it: Wagtail
    asks for them before serving it, and they change only with the site's generation."""
    route = route_for_request(request, path)
    if route is not None:
        keep_view_restrictions(route[0])
    return route
