"""The open data records of projects and territories: one shape for the JSON API and the CSV.

Only what the public pages already show, and no personal data: team members' names are
never published here.
"""

CSV_COLUMNS = [
    "id",
    "slug",
    "language",
    "name",
    "pitch",
    "url",
    "territory",
    "current_phase",
    "phases",
    "themes",
    "user_types",
    "service",
    "source_code",
    "statistics",
    "budget",
    "indicators",
    "last_published_at",
]


def _date(value):
    return value.isoformat() if value else None


def territory_entry(territory, slug, request):
    """The territory as a project's record names it (``slug``: its identifier); built once
    per territory, the same for each of its projects."""
    return {
        "id": slug,
        "name": territory.title if territory else "",
        "url": territory.get_full_url(request) if territory else "",
    }


def project_record(project, territory, request):
    """A project as the API publishes it (close to beta.gouv.fr's startups API);
    ``territory``: its territory's ``territory_entry``; ``project`` as
    ``queries.open_data_projects`` annotates it."""
    return {
        # The same in every language: a translation's slug is its translator's.
        "id": f"{territory['id']}/{project.first_slug}",
        "slug": project.slug,
        "language": project.text_language,
        "name": project.title,
        "pitch": project.pitch,
        "url": project.get_full_url(request),
        "territory": dict(territory),
        "current_phase": project.current_phase or None,
        "phases": [
            {"name": phase.phase, "start": _date(phase.start_date), "end": _date(phase.end_date)}
            for phase in project.phases.all()
        ],
        "decisions": [
            {
                "date": _date(decision.date),
                "evaluation": decision.evaluation,
                "decision": decision.decision,
                "reason": decision.reason,
            }
            for decision in project.decisions.all()
        ],
        "themes": [{"id": theme.slug, "name": str(theme)} for theme in project.themes.all()],
        "user_types": [{"id": kind.slug, "name": str(kind)} for kind in project.user_types.all()],
        "links": {
            "service": project.service_url or None,
            "source_code": project.source_code_url or None,
            "statistics": project.statistics_url or None,
        },
        "budget": project.budget,
        "shareable": project.shareable,
        "indicators": [indicator.as_data() for indicator in project.impact_indicators()],
        "last_published_at": project.last_published_at.isoformat()
        if project.last_published_at
        else None,
    }


def csv_row(record):
    """A record flattened for a spreadsheet: lists joined with “ | ”."""

    def joined(items):
        return " | ".join(items)

    return {
        "id": record["id"],
        "slug": record["slug"],
        "language": record["language"],
        "name": record["name"],
        "pitch": record["pitch"],
        "url": record["url"],
        "territory": record["territory"]["name"],
        "current_phase": record["current_phase"] or "",
        "phases": joined(
            f"{phase['name']} {phase['start']}→{phase['end'] or ''}" for phase in record["phases"]
        ),
        "themes": joined(theme["name"] for theme in record["themes"]),
        "user_types": joined(kind["name"] for kind in record["user_types"]),
        "service": record["links"]["service"] or "",
        "source_code": record["links"]["source_code"] or "",
        "statistics": record["links"]["statistics"] or "",
        "budget": "" if record["budget"] is None else record["budget"],
        "indicators": joined(_indicator_cell(indicator) for indicator in record["indicators"]),
        "last_published_at": record["last_published_at"] or "",
    }


def _indicator_cell(indicator):
    latest = indicator["measurements"][-1] if indicator["measurements"] else None
    value = (
        f"{latest['value']} {indicator['unit']}".strip() + f" ({latest['date']})" if latest else ""
    )
    return f"{indicator['name']}: {value}".rstrip(": ")


def territory_record(territory, slug, project_count, request, api_url):
    return {
        "id": slug,
        "name": territory.title,
        "kind": territory.kind,
        "url": territory.get_full_url(request),
        "projects_count": project_count,
        "projects_api": api_url,
    }
