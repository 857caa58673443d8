"""Which part of the network a public request is about: the whole network on the hub's host
name, one territory on a territory's."""

from dataclasses import dataclass
from functools import cached_property

from wagtail.models import Locale

from pagecache.generations import site_for_request
from territories.models import Territory, TerritoryHomePage
from territories.queries import live_territories


@dataclass
class Scope:
    locale: Locale
    root: object  # the localised home page of the request's site (hub or territory)
    territories: list  # live territory home pages in this language, alphabetically

    @property
    def territory(self):
        """The territory of the request's site, or None on the hub."""
        return self.root if isinstance(self.root, TerritoryHomePage) else None

    @property
    def is_hub(self):
        return self.territory is None

    @cached_property
    def _slugs(self):
        return dict(Territory.objects.values_list("home__translation_key", "slug"))

    def slug_of(self, territory):
        """The territory's identifier in every language (a translated home page's own slug
        may differ: wagtail-localize makes it unique among the tree's top pages)."""
        return self._slugs.get(territory.translation_key, territory.slug)

    def territory_of(self, page):
        for territory in self.territories:
            if page.path.startswith(territory.path):
                return territory
        return None


def scope_for(request):
    """The request's scope, in the active language; None when no site answers."""
    site = site_for_request(request)
    if site is None:
        return None
    locale = Locale.get_active()
    root = site.root_page.specific
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    return Scope(locale=locale, root=root, territories=live_territories(locale))
