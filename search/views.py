from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search the live pages of the current site, in the current language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    # Each language has its own tree under the site's root page: search the active one's.
    root = site.root_page.get_translation_or_none(Locale.get_active()) if site else None
    results = Page.objects.none()
    if query and root is not None:
        pages = Page.objects.live().public().descendant_of(root, inclusive=True).specific()
        results = pages.search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
