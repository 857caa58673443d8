"""Admin wiring for territories: the "Territoires" screen and the isolation hooks.

Wagtail scopes its explorer, reports and media listings by the permissions that
create_territory grants; these hooks scope what it leaves global.
"""

from django.urls import path
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportView

# admin_*: each registers its own hooks (the accounts and invitations screens, the launch of
# a site in preparation, an archived territory's banner, the dashboard's panels per role,
# the identity's edit screen).
from . import (  # noqa: F401
    admin_archive,
    admin_identity,
    admin_launch,
    admin_members,
    admin_panels,
    translation_review,
)
from .bulk_actions import BULK_ACTIONS
from .chooser import chooser_pages
from .dashboard import scope_summary_items
from .isolation import explorable_pages, reachable_pages, sees_everything
from .reference_forms import check_page_references
from .viewsets import TerritoryViewSet
from .workflow_messages import drop_generic_update

# After a workflow action, what it did replaces « mise à jour » (workflow_messages.py).
hooks.register("after_edit_page", drop_generic_update)

# Every page form refuses pages, images and documents out of the page's territory.
hooks.register("check_page_form", check_page_references)


@hooks.register("register_admin_viewset")
def register_territory_viewset():
    return TerritoryViewSet("territories")


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    return chooser_pages(pages, request)


@hooks.register("construct_explorer_page_queryset")
def scope_explorer(parent_page, pages, request):
    return explorable_pages(request.user, pages)


@hooks.register("construct_reports_menu")
def hide_network_reports(request, menu_items):
    # Page type usage counts every page of the network (refused in middleware.py).
    if not sees_everything(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class TerritoryTranslationsReportView(TranslationsReportView):
    """wagtail-localize's report lists every translation of the install."""

    def get_queryset(self):
        translations = super().get_queryset()
        user = self.request.user
        if sees_everything(user):
            return translations
        pages = reachable_pages(user, Page.objects.all())
        return translations.filter(source__object_id__in=pages.values("translation_key")).order_by(
            "-created_at"
        )


# Ordered before wagtail-localize's hook, so these paths resolve to the scoped view first.
@hooks.register("register_admin_urls", order=-1)
def register_scoped_translation_report():
    return [
        path(
            "localize/reports/translations/",
            TerritoryTranslationsReportView.as_view(),
            name="territory_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            TerritoryTranslationsReportView.as_view(results_only=True),
            name="territory_translations_report_results",
        ),
    ]


# Bulk actions gather only the territory's objects (bulk_actions.py). Registered after
# Wagtail's own (a later registration of the same action type for a model replaces it).
def register_territory_bulk_actions():
    for action_class in BULK_ACTIONS:
        hooks.register("register_bulk_action", action_class, order=1)


register_territory_bulk_actions()


# The dashboard's summary: the territory's home, count and name, not the network's
# (dashboard.py). After Wagtail's hooks (order 0), which add the items this one replaces.
@hooks.register("construct_homepage_summary_items", order=1)
def territory_summary_items(request, items):
    scope_summary_items(request, items)


# Editors send their translations to the territory's review (translation_review.py).
@hooks.register("register_admin_urls")
def register_translation_review():
    return [
        path(
            "territories/translations/<int:page_id>/submit/",
            translation_review.submit_view,
            name="territory_submit_translation",
        )
    ]


# In the page header only: deciding it per explorer row would cost queries on every row.
@hooks.register("register_page_header_buttons")
def submit_translation_button(page, user, *args, next_url=None, **kwargs):
    yield translation_review.SubmitTranslationButton(page=page)
