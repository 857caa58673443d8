"""What the public pages show of calls and irritants: counts and titles, never personal data."""

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils import timezone

from home.privacy import private_q, published
from projects.card_images import with_card_images

from .models import CallForIrritantsPage, Irritant, Status


def shown(relation):
    """Whether the page behind ``relation`` may be linked from a public page: live, and no
    view restriction applies to it in any language (computed in the same query)."""
    return ExpressionWrapper(
        Q(**{f"{relation}__live": True}) & ~private_q(f"{relation}__"),
        output_field=BooleanField(),
    )


def call_results(call):
    """Figures per status and the selected irritants of one call."""
    # Submissions from every language version of the call.
    irritants = Irritant.objects.filter(call__translation_key=call.translation_key)
    counts = dict(irritants.values_list("status").annotate(n=Count("pk")).order_by())
    figures = [(Status(value).label, counts.get(value, 0)) for value in Status.values]
    selected = list(
        irritants.filter(status=Status.SELECTED)
        .select_related("project")
        .annotate(project_shown=shown("project"))
        .order_by("title")
    )
    return {"total": sum(counts.values()), "figures": figures, "selected": selected}


def origin_of(project):
    """The irritant a project was born from (the earliest, if several), with its call."""
    return (
        Irritant.objects.filter(project__translation_key=project.translation_key)
        .select_related("call")
        .annotate(call_shown=shown("call"))
        .order_by("submitted_at")
        .first()
    )


def received_count(territory_home):
    """Irritants received by a territory, from its home page in any language."""
    return Irritant.objects.filter(
        territory__home__translation_key=territory_home.translation_key
    ).count()


def open_calls(territory):
    """The territory's calls open today, closing soonest first."""
    today = timezone.localdate()
    return list(
        with_card_images(published(CallForIrritantsPage.objects.descendant_of(territory)))
        .filter(opens_on__lte=today, closes_on__gte=today)
        .order_by("closes_on")
    )


def calls_of(call_index):
    return with_card_images(published(CallForIrritantsPage.objects.child_of(call_index))).order_by(
        "-opens_on"
    )


def calls_count(territory):
    return published(
        CallForIrritantsPage.objects.descendant_of(territory).filter(locale=territory.locale_id)
    ).count()
