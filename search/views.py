from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search the live pages of the current site, in the current language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    results = Page.objects.none()
    if query and site is not None:
        pages = (
            Page.objects.live().public().in_site(site).filter(locale=Locale.get_active()).specific()
        )
        results = pages.search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
