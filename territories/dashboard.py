"""The dashboard of a territory account: its own home, its own count, its own name.

Wagtail counts and links the common ancestor of the pages one holds permissions on, and
names the dashboard after that ancestor's site; a territory's French and English homes have
only the tree's root in common, so it counted the whole network, linked the root (refused)
and bore the network's name. The summary shows the territory's home instead, in the
editor's language (the admin's), with the number of pages under it, and the territory's
site name throughout. An Administration account, which holds no page permission, gets its
territory's name too (the first by name if it administers several).
"""

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import Locale, Page

from .isolation import permission_roots, sees_everything
from .panels import memberships


def own_home(user):
    """The user's territory home in the admin's language (else the default one), or None."""
    if sees_everything(user):
        return None
    if not hasattr(user, "_territory_own_home"):
        homes = Page.objects.filter(path__in=permission_roots(user)).select_related("locale")
        preferred = [Locale.get_active().pk, Locale.get_default().pk]

        def preference(home):
            rank = preferred.index(home.locale_id) if home.locale_id in preferred else 2
            return rank, home.path

        user._territory_own_home = min(homes, key=preference, default=None)
    return user._territory_own_home


def territory_site_name(user):
    """The name of the user's territory site, or None for those who see the network."""
    home = own_home(user)
    if home is None:
        # No page permission: an Administration account names its territory's site.
        own = memberships(user)
        return own[0].territory.site.site_name or own[0].territory.name if own else None
    site = home.get_site()
    return site.site_name if site and site.site_name else home.title


class TerritoryPagesSummaryItem(PagesSummaryItem):
    def get_context_data(self, parent_context):
        home = own_home(self.request.user)
        return {
            "root_page": home,
            "total_pages": Page.objects.descendant_of(home, inclusive=True).count(),
            "site_name": territory_site_name(self.request.user),
        }


class TerritoryNamed:
    """Wagtail's media counts are scoped already; only the site they name is the network's."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        return {**context, "site_name": territory_site_name(self.request.user)}


class TerritoryImagesSummaryItem(TerritoryNamed, ImagesSummaryItem):
    pass


class TerritoryDocumentsSummaryItem(TerritoryNamed, DocumentsSummaryItem):
    pass


REPLACED_SUMMARY_ITEMS = {
    PagesSummaryItem: TerritoryPagesSummaryItem,
    ImagesSummaryItem: TerritoryImagesSummaryItem,
    DocumentsSummaryItem: TerritoryDocumentsSummaryItem,
}


def scope_summary_items(request, items):
    """Replaces Wagtail's summary items for the users who do not see the whole network."""
    if own_home(request.user) is None:
        return
    items[:] = [
        REPLACED_SUMMARY_ITEMS[type(item)](request)
        if type(item) in REPLACED_SUMMARY_ITEMS
        else item
        for item in items
    ]
