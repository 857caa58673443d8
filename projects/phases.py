"""The rules of a project's phase history, shared by the page form and the model."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.dates import written_date


class Phase(models.TextChoices):
    INVESTIGATION = "investigation", _("Investigation")
    CONSTRUCTION = "construction", _("Construction")
    ACCELERATION = "acceleration", _("Acceleration")
    CONSOLIDATION = "consolidation", _("Consolidation")
    TRANSFER = "transfer", _("Transfer")
    OPERATED = "operated", _("Operated")
    STOPPED = "stopped", _("Stopped")


# The method's order. A project may skip a phase but not go back to an earlier one; it may
# stop at any point, so "stopped" has no rank.
METHOD_ORDER = [
    Phase.INVESTIGATION,
    Phase.CONSTRUCTION,
    Phase.ACCELERATION,
    Phase.CONSOLIDATION,
    Phase.TRANSFER,
    Phase.OPERATED,
]


def _ordered(entries):
    return sorted(entries, key=lambda entry: entry["start_date"])


def validate_phase_history(entries):
    """Raise a ValidationError listing every problem in a history.

    ``entries`` are mappings with ``phase``, ``start_date`` and ``end_date`` (None while
    ongoing), as the phase formset cleans them.
    A history is a sequence: no phase ends before it starts, none starts in the
    future, and each ends before the next one starts; only the last may be ongoing; phases
    follow the method's order (``METHOD_ORDER``).
    """
    errors = []
    today = timezone.localdate()
    entries = _ordered(entries)
    for entry in entries:
        label = Phase(entry["phase"]).label
        if entry["start_date"] > today:
            errors.append(
                ValidationError(
                    _(
                        "The “%(phase)s” phase starts on %(start)s, in the future: "
                        "record a phase once it has begun."
                    ),
                    params={"phase": label, "start": written_date(entry["start_date"])},
                )
            )
        if entry["end_date"] is not None and entry["end_date"] < entry["start_date"]:
            errors.append(
                ValidationError(
                    _("The “%(phase)s” phase ends on %(end)s, before it starts (%(start)s)."),
                    params={
                        "phase": label,
                        "start": written_date(entry["start_date"]),
                        "end": written_date(entry["end_date"]),
                    },
                )
            )
    for previous, following in zip(entries, entries[1:], strict=False):
        if previous["end_date"] is None or previous["end_date"] > following["start_date"]:
            errors.append(
                ValidationError(
                    _(
                        "The “%(previous)s” phase overlaps the “%(following)s” phase, which "
                        "starts on %(start)s: end the first one on that date or earlier."
                    ),
                    params={
                        "previous": Phase(previous["phase"]).label,
                        "following": Phase(following["phase"]).label,
                        "start": written_date(following["start_date"]),
                    },
                )
            )
    errors += _out_of_method_order(entries)
    if errors:
        raise ValidationError(errors)


def _out_of_method_order(entries):
    """One error per phase that starts after a phase the method places after it."""
    errors = []
    latest = None
    for entry in entries:
        if entry["phase"] not in METHOD_ORDER:
            continue
        if latest and METHOD_ORDER.index(entry["phase"]) < METHOD_ORDER.index(latest["phase"]):
            errors.append(
                ValidationError(
                    _(
                        "The “%(earlier)s” phase starts on %(start)s, after the “%(later)s” "
                        "phase, which comes later in the method (%(order)s): check the dates "
                        "or the phases."
                    ),
                    params={
                        "earlier": Phase(entry["phase"]).label,
                        "start": written_date(entry["start_date"]),
                        "later": Phase(latest["phase"]).label,
                        "order": ", ".join(str(phase.label) for phase in METHOD_ORDER),
                    },
                )
            )
        else:
            latest = entry
    return errors


def current_phase(entries):
    """The phase of the entry that started last, or "" for an empty history."""
    entries = _ordered(entries)
    return entries[-1]["phase"] if entries else ""
