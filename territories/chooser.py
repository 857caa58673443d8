"""The page chooser: one's own territory, in one language at a time, the editor's first.

Wagtail's chooser lists, at the tree's root, the homes of every language together unless
asked for one (``?locale=``), and its search mixes every language; a French news item then
got linked to the English copy of a project. Here the root and the search show the
language asked for, else the editor's (the admin's language), and the chooser's own switch
offers the others. Every row carries its language (the template
``wagtailadmin/chooser/tables/page_title_cell.html``).
"""

from django.urls import reverse
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.models import Locale, Page

from .isolation import can_explore_page, explorable_pages

ROOT_BROWSE = "wagtailadmin_choose_page"
SEARCH = "wagtailadmin_choose_page_search"


def asked_locale(request):
    """The ``locale`` the request asks for, if it names one; else the admin's language."""
    code = request.GET.get("locale")
    if code:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            return locale
    return Locale.get_active()


def chooser_pages(pages, request):
    """The pages a chooser lists or searches (the construct_page_chooser_queryset hook).

    Also the link chooser of rich text and the "copy to" and "move to" destinations.
    """
    pages = explorable_pages(request.user, pages)
    match = request.resolver_match
    view = match.view_name if match else None
    if view == SEARCH:
        return pages.filter(locale=asked_locale(request))
    if view == ROOT_BROWSE and not request.GET.get("locale"):
        # Wagtail filters the root's listing by ``?locale=`` (after this hook, which is why
        # the default goes into the query) and builds its language switch from the rest.
        query = request.GET.copy()
        query["locale"] = asked_locale(request).language_code
        request.GET = query
    return pages


def foreign_start_redirect(request):
    """For a territory account, where a chooser limited to page types should open instead of
    where Wagtail opens it (None if Wagtail's start is fine).

    Wagtail opens it at the common ancestor of every page of those types in the network: in
    another territory when only that one has such pages, naming its pages. It then opens at
    the tree's root, which lists one's own homes, in the editor's language.
    """
    page_type = request.GET.get("page_type")
    if not page_type:
        return None
    try:
        page_types = page_models_from_string(page_type)
    except (ValueError, LookupError):
        return None  # Wagtail answers 404
    start = Page.objects.type(*page_types).first_common_ancestor()
    if can_explore_page(request.user, start):
        return None
    query = request.GET.copy()
    query.setdefault("locale", asked_locale(request).language_code)
    root = Page.get_first_root_node()
    return f"{reverse('wagtailadmin_choose_page_child', args=[root.pk])}?{query.urlencode()}"
