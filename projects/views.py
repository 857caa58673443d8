"""Open data: every published project and territory, as JSON and CSV.

The JSON API answers one page at a time (keyset pages, see keyset.py) with the total count
and the addresses of the neighbouring pages; the CSV export streams every project in
batches, its memory the same whatever the network's size.
"""

import csv
import io
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from territories.scope import scope_for

from . import queries
from .keyset import BadWindow, Window, batches, page_of
from .opendata import CSV_COLUMNS, csv_row, project_record, territory_entry, territory_record

# Projects read at once by the CSV export: enough to keep the queries few, few enough to
# keep the memory small.
CSV_BATCH = 250


class NotFound(Exception):
    """A request the open data cannot answer: a JSON 404, never the HTML error page."""


def _scope(request):
    if (scope := scope_for(request)) is None:
        raise NotFound(_("No open data is published at this address."))
    return scope


def _open_data(request):
    """The projects of the request's scope, what their records show prefetched: the network
    on the hub (or one territory with ``?territory=``), one territory on its own site."""
    scope = _scope(request)
    territory = scope.territory
    if territory is None and request.GET.get("territory"):
        territory = next(
            (item for item in scope.territories if scope.slug_of(item) == request.GET["territory"]),
            None,
        )
        if territory is None:
            raise NotFound(
                _("No territory has the identifier %(slug)s: /api/territories.json lists them.")
                % {"slug": request.GET["territory"]}
            )
    projects = queries.open_data_projects(scope.locale, territory)
    # The long texts no record shows: neither read nor parsed (a body is JSON).
    return scope, territory, projects.defer("body", "problem", "solution")


def _records(scope, projects, request, entries):
    """The projects' records; ``entries`` keeps each territory's entry from one record to
    the next (its address costs as much to build as the project's)."""
    for project in projects:
        home = scope.territory_of(project)
        key = home.pk if home else None
        if key not in entries:
            entries[key] = territory_entry(home, scope.slug_of(home) if home else "", request)
        yield project_record(project, entries[key], request)
        # The prefetched rows point back at their project: without this cycle, reference
        # counting frees them at once, where the cycle collector's full passes (every few
        # pages of 100 projects) cost a page's time again.
        project.__dict__.pop("_prefetched_objects_cache", None)


def _page_url(request, **cursor):
    """The absolute address of another page: the same query string (territory, page size)
    with the other page's cursor."""
    query = request.GET.copy()
    for name in ("after", "before"):
        query.pop(name, None)
    query.update(cursor)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def answers_json_errors(view):
    """Every error of the open data as ``{"error": "…"}`` with its status, in the language
    of the address."""

    @wraps(view)
    def answered(request):
        try:
            return view(request)
        except NotFound as error:
            return _json({"error": str(error)}, status=404)
        except BadWindow as error:
            return _json({"error": str(error)}, status=400)

    return answered


@answers_json_errors
def projects_json(request):
    scope, territory, projects = _open_data(request)
    window = Window.from_query(request.GET)
    page = page_of(projects, window)
    payload = {
        "meta": {
            "count": projects.count(),
            "page_size": window.size,
            "language": scope.locale.language_code,
            "territory": scope.slug_of(territory) if territory else None,
            "generated_at": timezone.now().isoformat(),
        },
        "links": {
            "first": _page_url(request),
            "next": _page_url(request, after=page.next_after) if page.next_after else None,
            "prev": _page_url(request, before=page.previous_before)
            if page.previous_before
            else None,
        },
        "data": list(_records(scope, page.items, request, {})),
    }
    return _json(payload, indent=None)


@answers_json_errors
def projects_csv(request):
    scope, territory, projects = _open_data(request)

    def lines():
        entries = {}
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        # The byte order mark: spreadsheet software then reads the file as UTF-8.
        buffer.write("\ufeff")
        writer.writeheader()
        for batch in batches(projects, CSV_BATCH):
            for record in _records(scope, batch, request, entries):
                writer.writerow(csv_row(record))
            del batch  # not kept while the next one is read
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        if buffer.tell():  # no project: the header alone
            yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    name = f"projets-{scope.slug_of(territory)}.csv" if territory else "projets.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@answers_json_errors
def territories_json(request):
    scope = _scope(request)
    territories = [scope.territory] if scope.territory else scope.territories
    counts = queries.projects_per_territory(scope.locale, territories)
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
    meta = {
        "count": len(records),
        "language": scope.locale.language_code,
        "generated_at": timezone.now().isoformat(),
    }
    return _json({"meta": meta, "data": records})


def _json(payload, status=200, indent=2):
    """``indent=None``: compact, and encoded by the json module's C encoder (an indented
    answer goes through its pure Python one, several times slower on a page of projects)."""
    response = JsonResponse(
        payload,
        status=status,
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": indent},
    )
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response
