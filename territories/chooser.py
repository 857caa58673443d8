"""The page chooser: one's own territory, in one language at a time, the editor's first.

Wagtail's chooser lists, at the tree's root, the homes of every language together unless
asked for one (``?locale=``), and its search mixes every language; a French news item then
got linked to the English copy of a project. Here the root and the search show the
language asked for, else the editor's (the admin's language), and the chooser's own switch
offers the others. Every row carries its language (the template
``wagtailadmin/chooser/tables/page_title_cell.html``).
"""

from wagtail.models import Locale

from .isolation import explorable_pages

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
