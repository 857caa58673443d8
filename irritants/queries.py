"""What the public pages show of irritants: counts and titles, never personal data."""

from django.db.models import Count

from .models import Irritant, Status


def call_results(call):
    """Figures per status and the selected irritants of one call."""
    # Submissions from every language version of the call.
    irritants = Irritant.objects.filter(call__translation_key=call.translation_key)
    counts = dict(irritants.values_list("status").annotate(n=Count("pk")).order_by())
    figures = [(Status(value).label, counts.get(value, 0)) for value in Status.values]
    selected = list(
        irritants.filter(status=Status.SELECTED).select_related("project").order_by("title")
    )
    return {"total": sum(counts.values()), "figures": figures, "selected": selected}


def origin_of(project):
    """The irritant a project was born from (the earliest, if several), with its call."""
    return (
        Irritant.objects.filter(project__translation_key=project.translation_key)
        .select_related("call")
        .order_by("submitted_at")
        .first()
    )


def received_count(territory_home):
    """Irritants received by a territory, from its home page in any language."""
    return Irritant.objects.filter(
        territory__home__translation_key=territory_home.translation_key
    ).count()
