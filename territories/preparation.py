"""What a visitor gets from a territory in preparation (launch.py): its members and the
network's see the site, with a banner; anyone else a plain "coming soon" page.

Wagtail would answer its view restriction with a redirect to the login page, which tells
that the address exists and invites a sign-in nobody outside the territory has. The coming
soon page answers 404 instead: for the public the address does not exist yet, and search
engines neither index it nor keep it (``noindex``). It shows nothing of the territory's
pages, not even their titles.

The page cache (pagecache/middleware.py) stores nothing of either answer: members' requests
carry a session, which the cache never serves nor stores; the coming soon page is a 404
marked ``no-store``, which it never stores; and the site's generation changes at the launch,
so nothing cached before it is read after.
"""

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from home.generations import cached_for_site

from .identity import network_url
from .models import Territory
from .restrictions import preparation_viewers
from .scope import site_for_request


def preparing_territory(request):
    """The territory in preparation the request's site belongs to, or None: one query per
    site and generation of its content (the launch gives the site a new one)."""
    if not hasattr(request, "_territory_in_preparation"):
        request._territory_in_preparation = find_preparing_territory(request)
    return request._territory_in_preparation


def find_preparing_territory(request):
    site = site_for_request(request)
    if site is None:
        return None
    pk = cached_for_site(
        request,
        site,
        "in-preparation",
        lambda: (
            Territory.objects.filter(site=site, launched_at__isnull=True)
            .values_list("pk", flat=True)
            .first()
            or 0
        ),
    )
    return Territory.objects.get(pk=pk) if pk else None


def may_preview(user, territory):
    """The territory's members (any role), the network's, superusers: the same groups as the
    preparation restriction."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    viewers = [group.pk for group in preparation_viewers(territory)]
    return user.groups.filter(pk__in=viewers).exists()


def serve_in_preparation(page, request, serve_args, serve_kwargs):
    """``before_serve_page``: runs before Wagtail's view restriction check (an
    ``on_serve_page`` wrapper, called after every ``before_serve_page`` hook)."""
    territory = preparing_territory(request)
    if territory is None:
        return None
    if may_preview(request.user, territory):
        # base.html shows the banner.
        request.site_in_preparation = True
        return None
    return coming_soon(request)


def coming_soon(request):
    context = {"network_url": network_url(site_for_request(request))}
    response = TemplateResponse(request, "territories/coming_soon.html", context, status=404)
    response["X-Robots-Tag"] = "noindex"
    add_never_cache_headers(response)
    return response


# The public routes that are not pages (search, feeds, open data, sitemap): on a site in
# preparation they answer as its pages do, or their header would name the territory. The
# admin, documents, robots.txt and the health check are left alone.
GUARDED_ROUTES = {"search", "search_autocomplete", "sitemap"}
GUARDED_NAMESPACES = {"projects", "hub"}


class PreparationMiddleware:
    """The same answer as ``serve_in_preparation`` for the public routes that are not
    pages. Placed after the authentication middleware (it reads the user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or (
            match.url_name not in GUARDED_ROUTES and not GUARDED_NAMESPACES & set(match.namespaces)
        ):
            return None
        return serve_in_preparation(None, request, view_args, view_kwargs)
