from home.privacy import public

from .models import TerritoryHomePage


def live_territories(locale):
    """The live, public territory home pages in one language, alphabetically."""
    return list(public(TerritoryHomePage.objects.live()).filter(locale=locale).order_by("title"))


def territory_of(page, territories):
    """The territory (among ``territories``) whose tree holds ``page``, without a query."""
    for territory in territories:
        if page.path.startswith(territory.path):
            return territory
    return None
