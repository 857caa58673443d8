"""What a home page counts of projects: how many are published, and in which phase.

A territory's home shows them through a page section (projects/wagtail_hooks.py), the hub
for the whole network; either way in one aggregate query.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from .phases import Phase
from .queries import projects_in


@dataclass(frozen=True)
class PhaseFigures:
    total: int
    # (phase, its label, projects in it), in the method's order; the phases with none left out.
    phases: list


def phase_figures(projects):
    """The published ``projects`` counted, overall and per current phase, in one query."""
    counts = projects.order_by().aggregate(
        total=Count("pk"),
        **{f"phase_{value}": Count("pk", filter=Q(current_phase=value)) for value in Phase.values},
    )
    return PhaseFigures(
        total=counts["total"],
        phases=[
            (value, Phase(value).label, counts[f"phase_{value}"])
            for value in Phase.values
            if counts[f"phase_{value}"]
        ],
    )


def territory_phase_figures(territory):
    """A territory's projects, from its home page in the page's language."""
    return phase_figures(projects_in(territory.locale_id, territory))


def network_phase_figures(locale):
    """The whole network's projects in one language."""
    return phase_figures(projects_in(locale))
