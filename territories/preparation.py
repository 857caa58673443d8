"""What a visitor gets from a territory in preparation (launch.py): its members and the
network's see the site, with a banner; anyone else a plain "coming soon" page. And from an
archived territory (archive.py): everyone gets a plain "gone" page (410) at every address.

Wagtail would answer its view restriction with a redirect to the login page, which tells
that the address exists and invites a sign-in nobody outside the territory has. The coming
soon page answers 404 instead: for the public the address does not exist yet, and search
engines neither index it nor keep it (``noindex``). It shows nothing of the territory's
pages, not even their titles.

The page cache (pagecache/middleware.py) stores nothing of either answer: members' requests
carry a session, which the cache never serves nor stores; the coming soon page is a 404
marked ``no-store``, which it never stores; and the site's generation changes at the launch,
so nothing cached before it is read after.

An archived site answers 410 Gone: the address existed and will not come back on its own,
which search engines take as a reason to drop it soon. Its pages, feeds, sitemap, open data
and search alike, so that no surface keeps answering an empty but branded 200. The page
cache serves nothing cached before the archive (unpublishing the pages gives the site a new
generation, in the archive's transaction) and never stores a 410.
"""

from django.conf import settings
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from wagtail.models import PageViewRestriction

from home.generations import cached_for_site

from .identity import network_url
from .models import Territory
from .scope import site_for_request


def preparing_territory(request):
    """The territory in preparation the request's site belongs to, or None: one query per
    site and generation of its content (the launch gives the site a new one)."""
    pk = site_state(request)[0]
    return Territory.objects.get(pk=pk) if pk else None


def archived_territory(request):
    """Whether the request's site belongs to an archived territory (its pk, or 0): read with
    ``preparing_territory``, in the same query and cache entry."""
    return site_state(request)[1]


def site_state(request):
    """(the site's territory in preparation, its archived territory), each a pk or 0."""
    if not hasattr(request, "_territory_site_state"):
        request._territory_site_state = find_site_state(request)
    return request._territory_site_state


def find_site_state(request):
    site = site_for_request(request)
    if site is None:
        return (0, 0)

    def find():
        # A territory is archived once launched, or before (archive.py accepts both); either
        # way the archive wins: nothing of it is public, not even to its members.
        territories = Territory.objects.filter(site=site).filter(
            Q(launched_at__isnull=True) | Q(archived_at__isnull=False)
        )
        rows = territories.order_by("name").values_list("pk", "launched_at", "archived_at")
        preparing = next((pk for pk, launched, _ in rows if launched is None), 0)
        archived = next((pk for pk, _, archived in rows if archived is not None), 0)
        return (preparing, archived)

    # Cached under the site's generation, which the launch and the archive both change (the
    # launch explicitly, the archive by unpublishing the site's pages).
    return tuple(cached_for_site(request, site, "public-state", find))


def may_preview(request, territory):
    """Whether the request may see the territory in preparation: the preparation
    restriction's own check (Wagtail's, on the home page), so one rule decides who sees the
    site and its pages."""
    restriction = PageViewRestriction.objects.filter(page_id=territory.home_id).first()
    return restriction is not None and restriction.accept_request(request)


def coming_soon(request):
    context = {"network_url": network_url(site_for_request(request))}
    response = render(request, "territories/coming_soon.html", context, status=404)
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


def gone(request):
    context = {"network_url": network_url(site_for_request(request), request)}
    response = render(request, "territories/archived.html", context, status=410)
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    # Expected for every crawler that still knows the site: not a warning per request in
    # django.request's log (Django's own marker of an answer already accounted for).
    response._has_been_logged = True
    return response


def open_paths():
    """What answers as usual on a site in preparation: the admin (its members sign in there),
    the invitation page (new members arrive there), static files, the health check and
    robots.txt (which says the site is not to be crawled: hub/sitemaps.py). The same on an
    archived site: its team still writes drafts in the admin."""
    return (
        reverse("wagtailadmin_home"),
        reverse("invitations:accept", args=["x"]).removesuffix("x/"),
        settings.STATIC_URL,
        reverse("healthz"),
        reverse("robots_txt"),
    )


class PreparationMiddleware:
    """On a site in preparation, every address but ``open_paths`` answers the coming soon
    page to anyone who may not preview the site: pages, documents, search, feeds, open data,
    and the addresses that do not exist alike, so nothing tells which do (a 404 of the site
    would show its name, and its slugs could be enumerated). Members and the network's see
    the site with a banner. Placed after the authentication middleware (it reads the user).

    On an archived site every address but ``open_paths`` answers the gone page (410), to
    everyone: nothing of it is public any more, and the address does not tell which pages
    existed either.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The open paths first: the health check must answer without the database.
        if request.path.startswith(open_paths()):
            return self.get_response(request)
        if archived_territory(request):
            return gone(request)
        territory = preparing_territory(request)
        if territory is not None:
            if not may_preview(request, territory):
                return coming_soon(request)
            # base.html shows the banner.
            request.site_in_preparation = True
        return self.get_response(request)
