"""The dashboard's page summary for a territory account: its own home, its own count.

Wagtail counts and links the common ancestor of the pages one holds permissions on; a
territory's French and English homes have only the tree's root in common, so it counted
the whole network and linked the root. The summary shows the territory's home instead, in
the editor's language (the admin's), with the number of pages found under it.
"""

from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Locale, Page

from .isolation import permission_roots, sees_everything


def own_home(user):
    """The user's territory home in the admin's language (else the default one), or None."""
    homes = list(Page.objects.filter(path__in=permission_roots(user)).select_related("locale"))
    if not homes:
        return None
    preferred = [Locale.get_active().pk, Locale.get_default().pk]
    return min(
        homes,
        key=lambda home: (
            preferred.index(home.locale_id) if home.locale_id in preferred else 2,
            home.path,
        ),
    )


class TerritoryPagesSummaryItem(PagesSummaryItem):
    def get_context_data(self, parent_context):
        home = own_home(self.request.user)
        site = home.get_site()
        return {
            "root_page": home,
            "total_pages": Page.objects.descendant_of(home, inclusive=True).count(),
            "site_name": site.site_name if site and site.site_name else home.title,
        }


def scope_pages_summary(request, items):
    """Replaces Wagtail's page summary for the users who do not see the whole network."""
    user = request.user
    if sees_everything(user) or own_home(user) is None:
        return
    items[:] = [
        TerritoryPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in items
    ]
