"""Which site, territory and language a request is about: the one answer every app uses.

On the hub's host name a request is about the whole network; on a territory's, about that
territory. The site is looked up once per host name and generation (home/generations.py),
so a public request costs no query to know where it is.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)
from wagtail.url_routing import RouteResult

from home.generations import NETWORK, current, timeout

from .models import Territory, TerritoryHomePage
from .queries import live_territories, territory_of


def site_for_request(request):
    """``Site.find_for_request`` without a query once the host name has been seen.

    The host → site answer is cached under the network's generation, which changes whenever
    a site is saved or deleted; with it, the hub's address every territory's footer links to
    and the Locales of the sites' home pages (``active_locale``).
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generations = current(request)
    key = f"territories:site:{generations.get(NETWORK, '')}:{request.get_host()}"
    found = cache.get(key)
    if found is None:
        found = _find_site(request)
        if found[0] is not None:
            cache.set(key, found, timeout())
    request._wagtail_site, request._territories_hub_url, request._territories_locales = found
    if request._wagtail_site is not None:
        site_root_paths(request)
    return request._wagtail_site


def hub_url(request):
    """The hub's address (the default site's root URL), known with the request's site."""
    site_for_request(request)
    return getattr(request, "_territories_hub_url", None) or "/"


# Wagtail's order of preference among the sites a host name may match (get_site_for_hostname).
MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT, MATCH_DEFAULT, MATCH_HOSTNAME = range(4)


def _find_site(request):
    """(site, the hub's root URL) in the one query that also gives Wagtail's site root paths
    when they are not cached: Wagtail's choice of a site for a host name, over every site."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    sites = _all_sites()
    matches = []
    for site in sites:
        if site.hostname == hostname and str(site.port) == str(port):
            matches.append((MATCH_HOSTNAME_PORT, site))
        elif site.hostname == hostname and site.is_default_site:
            matches.append((MATCH_HOSTNAME_DEFAULT, site))
        elif site.is_default_site:
            matches.append((MATCH_DEFAULT, site))
        elif site.hostname == hostname:
            matches.append((MATCH_HOSTNAME, site))
    matches.sort(key=lambda match: match[0])
    site = None
    if len(matches) == 1 or (
        matches and matches[0][0] in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT)
    ):
        site = matches[0][1]
    elif matches and matches[0][0] == MATCH_DEFAULT:
        # The default site, unless exactly one other site has this host name (on another
        # port): that one.
        site = matches[len(matches) == 2][1]
    hub = next((site.root_url for site in sites if site.is_default_site), None)
    # Whether the site's territory is in preparation, read now (territories/preparation.py):
    # taken off the site, which is cached longer than that answer may be.
    for each in sites:
        preparing = each.__dict__.pop("preparing_territory", None)
        if each is site:
            request._territories_preparing = (site.pk, preparing or 0)
    locales = {site.root_page.locale.language_code: site.root_page.locale for site in sites}
    if cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None:
        homes = _homes(sites)
        request._wagtail_cached_site_root_paths = _compute_site_root_paths(sites, homes)
        cache.set(
            SITE_ROOT_PATHS_CACHE_KEY,
            request._wagtail_cached_site_root_paths,
            3600,
            version=SITE_ROOT_PATHS_CACHE_VERSION,
        )
        locales.update((home.locale.language_code, home.locale) for home in homes)
    return site, hub, locales


def _all_sites():
    # Wagtail's order for the site root paths.
    preparing = Territory.objects.filter(site=OuterRef("pk"), launched_at__isnull=True)
    return list(
        Site.objects.select_related("root_page", "root_page__locale")
        .annotate(preparing_territory=Subquery(preparing.order_by("name").values("pk")[:1]))
        .order_by("-root_page__url_path", "-is_default_site", "hostname")
    )


def site_root_paths(request):
    """Wagtail's ``Site.get_site_root_paths()`` (every URL a page gives), read once per
    request, and computed in two queries instead of one per site when its cache is empty.

    The same list under Wagtail's own cache key, so Wagtail's invalidation (a site saved or
    deleted, a site's home page moved) applies unchanged.
    """
    if hasattr(request, "_wagtail_cached_site_root_paths"):
        return request._wagtail_cached_site_root_paths
    paths = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    if paths is None:
        sites = _all_sites()
        paths = _compute_site_root_paths(sites, _homes(sites))
        cache.set(SITE_ROOT_PATHS_CACHE_KEY, paths, 3600, version=SITE_ROOT_PATHS_CACHE_VERSION)
    else:
        # Some cache backends (Redis) give the named tuples back as plain tuples.
        paths = [SiteRootPath(*path) for path in paths]
    request._wagtail_cached_site_root_paths = paths
    return paths


def _homes(sites):
    """Every site's home page in every language, in one query (Wagtail asks once per site),
    in the order get_translations gives them (the tree's); None without translations."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    homes = Page.objects.filter(
        translation_key__in=[site.root_page.translation_key for site in sites]
    )
    return list(homes.select_related("locale").order_by("path"))


def _compute_site_root_paths(sites, homes):
    if homes is None:
        return [
            SiteRootPath(
                site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code
            )
            for site in sites
        ]
    translations = {}
    for home in homes:
        translations.setdefault(home.translation_key, []).append(home)
    return [
        SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
        for site in sites
        for home in translations.get(site.root_page.translation_key, [])
    ]


def active_locale(request):
    """The Locale of the active language, looked up once per request and language: without
    a query for the language of a site's home page (kept with the site)."""
    language = get_language()
    cached = getattr(request, "_territories_locale", None)
    if cached is None or cached.language_code != language:
        cached = None
        known = getattr(request, "_territories_locales", None)
        if known:
            try:
                cached = known.get(get_supported_content_language_variant(language))
            except LookupError:
                pass
        if cached is None:
            cached = Locale.get_active()
        request._territories_locale = cached
    return cached


def site_or_default(request):
    """The request's site; the default site for a host no site claims (as Wagtail serves it)."""
    return site_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )


def site_tree_path(page):
    """The tree path of the home page ``page`` belongs to, in its language: a site's home,
    and each of its translations, sits at depth 2."""
    return page.path[: Page.steplen * 2]


def territory_home_of(page, parent_page=None):
    """The territory home page that holds ``page`` (or would, once created under
    ``parent_page``), in the page's language; None on the hub."""
    anchor = page if page.pk else parent_page
    if anchor is None:
        return None
    return TerritoryHomePage.objects.ancestor_of(anchor, inclusive=True).first()


@dataclass
class RequestScope:
    site: Site | None
    locale: Locale
    # The site's home page in the scope's language; the default language's when the home is
    # not translated (``is_translated`` then says so).
    root: Page | None

    @classmethod
    def for_site(cls, site, locale, homes=None):
        """``homes``: the site's home pages by locale (``site_homes``), when already found."""
        if site is None:
            return cls(site=None, locale=locale, root=None)
        if homes is None:
            homes = _fetch_homes(site, locale)
        root = homes.get(locale.pk) or homes.get(site.root_page.locale_id) or site.root_page
        return cls(site=site, locale=locale, root=root.specific)

    @property
    def is_translated(self):
        return self.root is not None and self.root.locale_id == self.locale.pk

    @property
    def territory(self):
        """The territory home page of the request's site, or None on the hub."""
        return self.root if isinstance(self.root, TerritoryHomePage) else None

    @property
    def is_hub(self):
        return self.root is not None and self.territory is None

    @cached_property
    def territories(self):
        """The live territory home pages in the scope's language, alphabetically."""
        return live_territories(self.locale)

    @cached_property
    def _slugs(self):
        return dict(Territory.objects.values_list("home__translation_key", "slug"))

    def slug_of(self, territory):
        """The territory's identifier in every language (a translated home page's own slug
        may differ: wagtail-localize makes it unique among the tree's top pages)."""
        return self._slugs.get(territory.translation_key, territory.slug)

    def territory_of(self, page):
        """The territory (among the scope's) whose tree holds ``page``, without a query."""
        return territory_of(page, self.territories)


def scope_for(request):
    """The request's scope, in the active language; None when no site answers."""
    site = site_for_request(request)
    if site is None:
        return None
    locale = active_locale(request)
    return RequestScope.for_site(site, locale, site_homes(request, site, locale))


def site_homes(request, site, locale):
    """The site's home page in its own language and in ``locale`` (when translated), each of
    its own type and as it is now (whatever the site's cache holds): one query per request,
    for the route and the scope alike."""
    homes = getattr(request, "_territories_homes", None)
    if homes is None:
        homes = request._territories_homes = {}
    if (site.pk, locale.pk) not in homes:
        homes[site.pk, locale.pk] = _fetch_homes(site, locale)
    return homes[site.pk, locale.pk]


def _fetch_homes(site, locale):
    root = site.root_page
    model = root.specific_class or Page
    pages = model._default_manager.filter(
        translation_key=root.translation_key, locale_id__in={root.locale_id, locale.pk}
    )
    return {page.locale_id: page for page in pages}


def route_for_request(request, path):
    """``Page.route_for_request`` in two queries (the pages along the path, then the page's
    own type) where Wagtail walks the tree a query or two per level; None when no page
    answers.

    Wagtail's rules are kept: the site's home in the active language when that version is
    live, the path's pages whatever their state but the last one live, a page type with
    its own ``route`` (routable pages' sub-paths) asked in its turn.
    """
    site = site_for_request(request)
    if site is None:
        return None
    try:
        return _route(request, site, [component for component in path.split("/") if component])
    except Http404:
        return None


def _route(request, site, components):
    locale = active_locale(request)
    homes = site_homes(request, site, locale)
    root = homes.get(site.root_page.locale_id)
    if root is None:
        raise Http404
    # Page.localized: the translation if it is live, else the page itself.
    translation = homes.get(locale.pk)
    if translation is not None and translation.live:
        root = translation
    prefixes = [
        root.url_path + "".join(f"{c}/" for c in components[:n])
        for n in range(1, len(components) + 1)
    ]
    found = {}
    if prefixes:
        for page in Page.objects.filter(url_path__in=prefixes, path__startswith=root.path):
            found[page.url_path] = page
    level = root
    for depth, component in enumerate(components):
        if _routes_itself(level, components[depth:]):
            return level.specific.route(request, components[depth:])
        child = found.get(prefixes[depth])
        if child is None or child.depth != level.depth + 1 or child.slug != component:
            raise Http404
        child._cached_parent_obj = level
        level = child
    if _routes_itself(level, []):
        return level.specific.route(request, [])
    if not level.live:
        raise Http404
    return RouteResult(level.specific)


def _routes_itself(page, components):
    """Whether the page's type answers this sub-path itself rather than Page.route."""
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
        except Http404:
            return False
    return True
