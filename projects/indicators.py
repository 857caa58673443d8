"""Impact indicators: the beta.gouv.fr impact matrix, and how a measured value reads.

Editors enter indicators as blocks of the project page (see ``blocks.py``); everything that
shows them (the project page, the results page, the API and the CSV export) goes through
``Indicator`` so that a unit, a direction or a target always reads the same way.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from home.dates import written_date


class ImpactCategory(models.TextChoices):
    USABLE = "usable", gettext_lazy("Usable")
    USED = "used", gettext_lazy("Used")
    USEFUL = "useful", gettext_lazy("Useful")
    IMPACT = "impact", gettext_lazy("Impact")
    EFFICIENT = "efficient", gettext_lazy("Efficient")


class Direction(models.TextChoices):
    HIGHER = "higher", gettext_lazy("Higher is better")
    LOWER = "lower", gettext_lazy("Lower is better")


def better(direction, value, reference):
    """Whether ``value`` is at least as good as ``reference`` for this direction."""
    return value >= reference if direction == Direction.HIGHER else value <= reference


def format_number(value):
    """A decimal in the active language, with only the decimals it needs (two at most)."""
    exponent = value.normalize().as_tuple().exponent
    places = min(max(0, -exponent), 2) if isinstance(exponent, int) else 0
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def format_value(value, unit):
    """“20 %”, “1 200 usagers”: a number and its unit, never split across lines."""
    if value is None:
        return ""
    number = format_number(value)
    if not unit:
        return number
    # English writes “20%”; French puts a non-breaking space before every unit.
    separator = "" if unit == "%" and (get_language() or "").startswith("en") else "\u00a0"
    return f"{number}{separator}{unit}"


@dataclass(frozen=True)
class Measurement:
    date: date
    value: Decimal

    @property
    def iso_date(self):
        return self.date.isoformat()


@dataclass
class Indicator:
    name: str
    category: str
    unit: str
    direction: str
    baseline: Decimal | None = None
    target: Decimal | None = None
    highlighted: bool = False
    description: str = ""
    measurements: list = field(default_factory=list)

    @classmethod
    def from_block(cls, value):
        """An indicator from an ``IndicatorBlock``'s value, measurements oldest first."""
        measurements = sorted(
            (
                Measurement(date=item["date"], value=item["value"])
                for item in value["measurements"]
                # A draft may hold an incomplete one, which publishing will refuse.
                if item["date"] is not None and item["value"] is not None
            ),
            key=lambda measurement: measurement.date,
        )
        return cls(
            name=value["name"],
            category=value["category"],
            unit=value["unit"],
            direction=value["direction"],
            baseline=value["baseline"],
            target=value["target"],
            highlighted=value["highlighted"],
            description=value["description"],
            measurements=measurements,
        )

    @property
    def category_label(self):
        return ImpactCategory(self.category).label

    @property
    def direction_label(self):
        return Direction(self.direction).label

    @property
    def latest(self):
        return self.measurements[-1] if self.measurements else None

    def display(self, value):
        return format_value(value, self.unit)

    @property
    def latest_display(self):
        return self.display(self.latest.value) if self.latest else ""

    @property
    def baseline_display(self):
        return self.display(self.baseline)

    @property
    def target_display(self):
        return self.display(self.target)

    @property
    def target_reached(self):
        """True or False once measured against a target, None when there is nothing to compare."""
        if self.latest is None or self.target is None:
            return None
        return better(self.direction, self.latest.value, self.target)

    @property
    def trend(self):
        """How the latest value compares with the baseline, read with the indicator's direction."""
        if self.latest is None or self.baseline is None:
            return None
        if self.latest.value == self.baseline:
            return "unchanged"
        return "improved" if better(self.direction, self.latest.value, self.baseline) else "worse"

    @property
    def summary(self):
        """One sentence a screen reader (or anyone) can read instead of the chart."""
        if self.latest is None:
            return _("No measurement yet.")
        parts = [
            _("Latest value: %(value)s on %(date)s.")
            % {"value": self.latest_display, "date": written_date(self.latest.date)}
        ]
        if self.baseline is not None:
            parts.append(
                {
                    "improved": _("Better than the baseline (%(baseline)s)."),
                    "worse": _("Worse than the baseline (%(baseline)s)."),
                    "unchanged": _("Same as the baseline (%(baseline)s)."),
                }[self.trend]
                % {"baseline": self.baseline_display}
            )
        if self.target is not None:
            message = (
                _("Target (%(target)s) reached.")
                if self.target_reached
                else _("Target (%(target)s) not reached yet.")
            )
            parts.append(message % {"target": self.target_display})
        count = len(self.measurements)
        parts.append(
            ngettext(
                "%(direction)s; %(count)s measurement, on %(first)s.",
                "%(direction)s; %(count)s measurements since %(first)s.",
                count,
            )
            % {
                "direction": self.direction_label,
                "count": count,
                "first": written_date(self.measurements[0].date),
            }
        )
        return " ".join(parts)

    def as_data(self):
        """The indicator for the open data API: plain values, decimals as numbers."""
        return {
            "name": self.name,
            "category": self.category,
            "unit": self.unit,
            "direction": self.direction,
            "baseline": _number(self.baseline),
            "target": _number(self.target),
            "highlighted": self.highlighted,
            "measurements": [
                {"date": measurement.iso_date, "value": _number(measurement.value)}
                for measurement in self.measurements
            ],
        }


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
