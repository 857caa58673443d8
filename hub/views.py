"""The hub's own routes: the catalogue of every territory's projects and those to reuse.
On a territory's host name these paths belong to the territory's pages."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.views import serve

from projects import queries as project_queries
from projects.models import Theme, UserType
from projects.phases import Phase
from territories.scope import scope_for

CATALOGUE_PER_PAGE = 12


def hub_scope(request, path):
    """The scope of a hub-only view; on a territory's host the path belongs to its pages."""
    scope = scope_for(request)
    if scope is None or not scope.is_hub:
        return None, serve(request, path)
    return scope, None


def catalogue(request):
    """Every project of every territory, filtered by territory, phase, theme and user type."""
    scope, response = hub_scope(request, "catalogue/")
    if response is not None:
        return response
    territories = {scope.slug_of(territory): territory for territory in scope.territories}
    themes, user_types = list(Theme.objects.vocabulary()), list(UserType.objects.vocabulary())
    # Unknown values are ignored rather than refused: a stale link still shows projects.
    chosen = {
        "territory": request.GET.get("territory", "")
        if request.GET.get("territory") in territories
        else "",
        "phase": request.GET.get("phase", "") if request.GET.get("phase") in Phase.values else "",
        "theme": _known(request.GET.get("theme"), themes),
        "user_type": _known(request.GET.get("user_type"), user_types),
    }
    projects = project_queries.catalogue(
        scope.locale,
        territory=territories.get(chosen["territory"]),
        phase=chosen["phase"],
        theme=chosen["theme"],
        user_type=chosen["user_type"],
    )
    page = Paginator(projects, CATALOGUE_PER_PAGE).get_page(request.GET.get("page"))
    cards = [
        (project, project.get_full_url(request), scope.territory_of(project)) for project in page
    ]
    return TemplateResponse(
        request,
        "hub/catalogue.html",
        {
            "hub": scope.root,
            "projects": page,
            "cards": cards,
            "territories": list(territories.items()),
            "phases": Phase.choices,
            "themes": themes,
            "user_types": user_types,
            "chosen": chosen,
            "extra_query": urlencode({key: value for key, value in chosen.items() if value}),
        },
    )


def _known(value, terms):
    return value if value in {term.slug for term in terms} else ""


def reusable(request):
    """The projects their publishers offer to the rest of the network."""
    scope, response = hub_scope(request, "catalogue/a-reutiliser/")
    if response is not None:
        return response
    projects = list(project_queries.shareable_projects(scope.locale).prefetch_related("themes"))
    cards = [
        (project, project.get_full_url(request), scope.territory_of(project))
        for project in projects
    ]
    return TemplateResponse(request, "hub/reusable.html", {"hub": scope.root, "cards": cards})
