"""Public views that are not pages: the hub's catalogue, the projects to reuse, open data."""

import csv
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.views import serve

from . import queries
from .models import Theme, UserType
from .opendata import CSV_COLUMNS, csv_row, project_record, territory_record
from .phases import Phase
from .sites import scope_for

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
    themes, user_types = list(Theme.objects.all()), list(UserType.objects.all())
    # Unknown values are ignored rather than refused: a stale link still shows projects.
    chosen = {
        "territory": request.GET.get("territory", "")
        if request.GET.get("territory") in territories
        else "",
        "phase": request.GET.get("phase", "") if request.GET.get("phase") in Phase.values else "",
        "theme": _known(request.GET.get("theme"), themes),
        "user_type": _known(request.GET.get("user_type"), user_types),
    }
    projects = queries.catalogue(
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
        "projects/catalogue.html",
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
    projects = list(queries.shareable_projects(scope.locale).prefetch_related("themes"))
    cards = [
        (project, project.get_full_url(request), scope.territory_of(project))
        for project in projects
    ]
    return TemplateResponse(request, "projects/reusable.html", {"hub": scope.root, "cards": cards})


def _open_data(request):
    """The records of the request's scope: the network on the hub (or one territory with
    ``?territory=``), one territory on its own site."""
    scope = scope_for(request)
    if scope is None:
        raise Http404
    territory = scope.territory
    if territory is None and request.GET.get("territory"):
        territory = next(
            (item for item in scope.territories if scope.slug_of(item) == request.GET["territory"]),
            None,
        )
        if territory is None:
            raise Http404
    records = []
    for project in queries.open_data_projects(scope.locale, territory):
        home = scope.territory_of(project)
        slug = scope.slug_of(home) if home else ""
        records.append(project_record(project, home, slug, request))
    return scope, territory, records


def projects_json(request):
    scope, territory, records = _open_data(request)
    payload = {
        "meta": {
            "count": len(records),
            "language": scope.locale.language_code,
            "territory": scope.slug_of(territory) if territory else None,
            "generated_at": timezone.now().isoformat(),
        },
        "data": records,
    }
    return _json(payload)


def projects_csv(request):
    scope, territory, records = _open_data(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"projets-{scope.slug_of(territory)}.csv" if territory else "projets.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    response.write("\ufeff")  # spreadsheet software then reads the file as UTF-8
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record))
    return response


def territories_json(request):
    scope = scope_for(request)
    if scope is None:
        raise Http404
    territories = [scope.territory] if scope.territory else scope.territories
    counts = {}
    for path in queries.open_data_scope(scope.locale).values_list("path", flat=True):
        for territory in territories:
            if path.startswith(territory.path):
                counts[territory.pk] = counts.get(territory.pk, 0) + 1
    api_path = reverse("projects:api_projects")
    records = []
    for territory in territories:
        _site_id, root_url, _path = territory.get_url_parts(request)
        records.append(
            territory_record(
                territory,
                scope.slug_of(territory),
                counts.get(territory.pk, 0),
                request,
                root_url + api_path,
            )
        )
    return _json({"meta": {"count": len(records)}, "data": records})


def _json(payload):
    response = JsonResponse(
        payload, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response
