"""A guard on admin URLs that name a page: a territory's editors reach only their own.

Wagtail checks page permissions in its page views, but some admin views (the page
chooser's browsing, wagtail-localize's translation views) check only a global permission
or none. Refusing every admin URL that addresses another territory's page, whatever the
view, closes those gaps in one place, including views that future packages add.
"""

from django.apps import apps
from django.http import Http404
from django.urls import reverse
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource

from .isolation import can_reach_page, sees_everything

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")

# Views that summarise the whole network and cannot be narrowed to one territory.
NETWORK_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


def addressed_pages(url_name, kwargs):
    """The pages an admin URL acts on, from its keyword arguments."""
    page_ids = [kwargs[key] for key in PAGE_KWARGS if key in kwargs]
    if url_name and url_name.startswith("wagtailadmin_pages:") and "pk" in kwargs:
        page_ids.append(kwargs["pk"])  # the revisions comparison view
    pages = list(Page.objects.filter(pk__in=page_ids))
    if "translation_id" in kwargs:
        translation = Translation.objects.filter(pk=kwargs["translation_id"]).first()
        if translation is not None:
            pages += translation_pages(translation.source, translation.target_locale)
    if "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).first()
        if source is not None:
            pages += translation_pages(source)
    return pages


def translation_pages(source, target_locale=None):
    instance = source.get_source_instance()
    if not isinstance(instance, Page):
        return []
    pages = [instance]
    if target_locale is not None and (target := instance.get_translation_or_none(target_locale)):
        pages.append(target)
    return pages


class AdminIsolationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            not request.path.startswith(self.admin_prefix)
            or user is None
            or not user.is_authenticated
            or sees_everything(user)
        ):
            return None
        url_name = request.resolver_match.view_name if request.resolver_match else None
        if url_name in NETWORK_ONLY_VIEWS:
            raise Http404
        if url_name == "wagtail_bulk_action" and not bulk_items_reachable(request, view_kwargs):
            raise Http404
        for page in addressed_pages(url_name, view_kwargs):
            if not can_reach_page(user, page):
                raise Http404
        return None


def bulk_items_reachable(request, kwargs):
    """Bulk actions take their items from the query string, and their confirmation page
    lists the titles of the items one may not act on: every item must be one's own."""
    ids = request.GET.getlist("id")
    model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    if issubclass(model, Page):
        if "all" in ids:
            ids = [request.GET.get("childOf")]
        pages = Page.objects.filter(pk__in=[pk for pk in ids if str(pk).isdigit()])
        return all(can_reach_page(request.user, page) for page in pages)
    if "all" in ids:
        return False
    own = policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        request.user, ["add", "change", "choose"]
    )
    wanted = {pk for pk in ids if pk.isdigit()}
    return own.filter(pk__in=wanted).count() == len(wanted)
