"""Admin wiring for territories: the "Territoires" screen and the isolation hooks.

Wagtail scopes its explorer, reports and media listings by the permissions that
create_territory grants; these hooks scope what it leaves global.
"""

from django.urls import path
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportView

from .isolation import explorable_pages, reachable_pages, sees_everything
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
