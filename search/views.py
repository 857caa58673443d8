from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale

from home.templatetags.content_language import text_language
from territories.scope import RequestScope, site_for_request

from . import query as search_query
from . import services
from .forms import SearchForm


def _scope(request):
    site = site_for_request(request)
    # An archived territory's search is answered 410 before this (territories/preparation.py).
    if site is None:
        raise Http404
    return RequestScope.for_site(site, Locale.get_active())


def search(request):
    """The live pages of the current site in the current language; on the hub, the network's."""
    form = SearchForm(request.GET)
    terms = form.terms()
    scope = _scope(request)
    outcome = services.search(
        scope, terms, form.filters(), request.GET.get("page"), request=request
    )
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": terms.text,
            "outcome": outcome,
            "search_results": outcome.page,
            "is_network": scope.is_hub,
            "stems_verb_forms": services.stems_verb_forms(),
        },
    )


def autocomplete(request):
    """Suggestions for the search box, as JSON: the titles that start with what was typed."""
    scope = _scope(request)
    terms = search_query.parse(request.GET.get("q", ""))
    # Each title's language, for an English page listing a French title (an alias of a page
    # not translated yet): the script marks it as assistive technology needs.
    suggestions = [
        {
            "title": page.title,
            "language": text_language(page),
            "url": page.get_url(request),
            "type": str(page.specific_class._meta.verbose_name),
            "territory": territory.title if territory else None,
            "territory_language": text_language(territory) if territory else None,
        }
        for page, territory in services.autocomplete(scope, terms)
    ]
    return JsonResponse({"query": terms.as_autocomplete_text(), "results": suggestions})
