"""A guard on admin URLs that name a page: a territory's editors reach only their own.

Wagtail checks page permissions in its page views, but some admin views (the page
chooser's browsing, wagtail-localize's translation views) check only a global permission
or none. Refusing every admin URL that addresses another territory's page, whatever the
view, closes those gaps in one place, including views that future packages add.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import Translation, TranslationSource

from .chooser import ROOT_BROWSE, foreign_start_redirect
from .isolation import can_explore_page, can_reach_page, reachable_pages, sees_everything

PAGE_KWARGS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")

# Listings of a page's children, which Wagtail narrows to the pages one may explore: they
# also serve the ancestors one walks through (the tree's root, above a territory's homes).
EXPLORER_VIEWS = {
    "wagtailadmin_explore",
    "wagtailadmin_explore_results",
    "wagtailadmin_choose_page_child",
}

# Page choosers that take pages from the query string: the pages chosen (whose titles the
# answer gives) and the pages being moved. Wagtail reads these ids unchecked (a 500 on a
# malformed one) and without the chooser's scoping.
QUERY_PAGE_PARAMS = {
    "wagtailadmin_choose_page_chosen_multiple": "id",
    "wagtailadmin_choose_page": "target_pages[]",
    "wagtailadmin_choose_page_child": "target_pages[]",
}

# The link chooser turns an address typed as an external link into a link to the page it
# routes to, in any site, answering with the page's id and draft title. It matches the sites
# the request has cached: a territory account's are its own (another territory's address
# stays an external link).
EXTERNAL_LINK_CHOOSER = "wagtailadmin_choose_page_external_link"

# Views that summarise the whole network and cannot be narrowed to one territory.
NETWORK_ONLY_VIEWS = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
}


def addressed_pages(url_name, kwargs, query):
    """The pages an admin URL acts on, from its keyword arguments and query string."""
    page_ids = [kwargs[key] for key in PAGE_KWARGS if key in kwargs]
    if url_name in QUERY_PAGE_PARAMS:
        page_ids += query_page_ids(query.getlist(QUERY_PAGE_PARAMS[url_name]))
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


def translated_models(url_name, kwargs):
    """The models other than pages whose translations a wagtail-localize URL writes: its
    views check only the submit-translation permission, which every territory account
    holds, while such a model (a network theme) is shared by every territory."""
    if not (url_name or "").startswith("wagtail_localize:"):
        return []
    if url_name == "wagtail_localize:submit_snippet_translation":
        return [get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])]
    sources = TranslationSource.objects.none()
    if "translation_id" in kwargs:
        sources = TranslationSource.objects.filter(translations__pk=kwargs["translation_id"])
    elif "translation_source_id" in kwargs:
        sources = TranslationSource.objects.filter(pk=kwargs["translation_source_id"])
    models = [source.specific_content_type.model_class() for source in sources]
    return [model for model in models if model is not None and not issubclass(model, Page)]


def may_translate(user, model):
    """Translating a term writes rows of it: its edit permission, not only the right to
    send one's pages for translation."""
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")


def has_null_byte(query):
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()
    )


def query_page_ids(values):
    """Page ids typed into a query string (Wagtail skips empty ones); a malformed one is a 404."""
    try:
        ids = [int(value) for value in values if value]
    except ValueError:
        raise Http404 from None
    if not all(0 < pk < 2**63 for pk in ids):
        raise Http404
    return ids


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
        if not request.path.startswith(self.admin_prefix) or user is None:
            return None
        if has_null_byte(request.GET):
            # No admin filter, search or chooser may take one: PostgreSQL refuses it in text.
            return HttpResponseBadRequest()
        url_name = request.resolver_match.view_name if request.resolver_match else None
        if url_name in QUERY_PAGE_PARAMS:
            query_page_ids(request.GET.getlist(QUERY_PAGE_PARAMS[url_name]))  # for everyone
        if user.is_authenticated and not all(
            may_translate(user, model) for model in translated_models(url_name, view_kwargs)
        ):
            raise PermissionDenied  # the network team too: it holds no term permission
        if not user.is_authenticated or sees_everything(user):
            return None
        if url_name in NETWORK_ONLY_VIEWS:
            raise Http404
        if url_name == ROOT_BROWSE and (start := foreign_start_redirect(request)):
            return redirect(start)
        if url_name == EXTERNAL_LINK_CHOOSER:
            request._wagtail_cached_site_root_paths = own_site_root_paths(user)
        for page in addressed_pages(url_name, view_kwargs, request.GET):
            if not can_reach_page(user, page) and not (
                url_name in EXPLORER_VIEWS and can_explore_page(user, page)
            ):
                raise Http404
        return None


def own_site_root_paths(user):
    """The root paths of the user's own sites, in Wagtail's cached form."""
    own_sites = set(
        Site.objects.filter(root_page__in=reachable_pages(user, Page.objects.all())).values_list(
            "pk", flat=True
        )
    )
    return [root for root in Site.get_site_root_paths() if root.site_id in own_sites]
