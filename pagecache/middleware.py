"""Anonymous visitors' GETs of public pages, served from Django's cache.

Only what is the same for every anonymous visitor is stored: a response that sets a cookie,
used the CSRF token (a form), is not a 200, or says it is private is rendered every time.
A request carrying a session (an editor, a visitor with a message waiting, a passed page
password) or a message cookie is never served from the cache. Entries are keyed on the
scheme, host, path, query string and language, under the generations of the network and
of the site (see generations.py), so a change never lets an old entry be read again.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language_from_path
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from home.generations import cached_for_site, scoped_key, timeout
from territories.scope import site_for_request

HEADER = "X-Page-Cache"


def excluded(request):
    """Paths never cached, compared without their language prefix (/en/recherche/…)."""
    path = request.path_info
    language = get_language_from_path(path)
    if language:
        path = path.removeprefix(f"/{language}")
    return path.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES)


def cacheable_request(request):
    if not settings.PAGECACHE_ENABLED or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return True


def cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page with a form holds this visitor's CSRF token.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def entry_key(request):
    site = site_for_request(request)
    if site is None:
        return None
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{language} {address}".encode()).hexdigest()
    return scoped_key(request, site, "page", digest)


class PageCacheMiddleware:
    """Placed before the middleware that set cookies (sessions, CSRF, messages), so that
    what it stores is the response exactly as they left it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if excluded(request):
            return self.get_response(request)
        # Every public request needs its site: from the cache, not a query.
        site_for_request(request)
        if not cacheable_request(request):
            return self.get_response(request)
        # The key is computed before the page is rendered: if the content changes during
        # the rendering, the entry lands under generations that are already obsolete.
        key = entry_key(request)
        if key is None:
            return self.get_response(request)
        response = cache.get(key)
        if response is not None:
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            response[HEADER] = "miss"
            cache.set(key, response, timeout())
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Wagtail finds a page by walking the tree from the site's root, a query or two per
        # level; the page it finds is the same until the site's content changes.
        if view_func is wagtail_serve and not hasattr(request, "_wagtail_route_for_request"):
            # wagtail.urls passes the path positionally.
            path = view_args[0] if view_args else view_kwargs["path"]
            request._wagtail_route_for_request = cached_for_site(
                request,
                site_for_request(request),
                f"route:{path}",
                lambda: Page.route_for_request(request, path),
            )
