"""Which site, territory and language a request is about: the one answer every app uses.

On the hub's host name a request is about the whole network; on a territory's, about that
territory. The site is looked up once per host name and generation (home/generations.py),
so a public request costs no query to know where it is.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from home.generations import NETWORK, current, timeout

from .models import Territory, TerritoryHomePage
from .queries import live_territories, territory_of


def site_for_request(request):
    """``Site.find_for_request`` without a query once the host name has been seen.

    The host → site answer is cached under the network's generation, which changes whenever
    a site is saved or deleted.
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generations = current(request)
    key = f"pagecache:site:{generations.get(NETWORK, '')}:{request.get_host()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, timeout())
    request._wagtail_site = site
    return site


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
    def for_site(cls, site, locale):
        if site is None:
            return cls(site=None, locale=locale, root=None)
        root = site.root_page.specific
        if root.locale_id != locale.pk:
            root = root.get_translation_or_none(locale) or root
        return cls(site=site, locale=locale, root=root)

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
    return RequestScope.for_site(site, Locale.get_active())
