"""Admin wiring for territories: the "Territoires" screen and the isolation hooks.

Wagtail scopes its explorer, reports and media listings by the permissions that
create_territory grants; these hooks scope what it leaves global.
"""

from wagtail import hooks

from .isolation import explorable_pages
from .views import TerritoryViewSet


@hooks.register("register_admin_viewset")
def register_territory_viewset():
    return TerritoryViewSet("territories")


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    # Also the link chooser of rich text and the "copy to" destinations.
    return explorable_pages(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    return explorable_pages(request.user, pages)
