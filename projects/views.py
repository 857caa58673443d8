"""Open data: every published project and territory, as JSON and CSV."""

import csv

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone

from territories.scope import scope_for

from . import queries
from .opendata import CSV_COLUMNS, csv_row, project_record, territory_record


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
