"""The blocks only project pages use: impact indicators and their measurements.

Measurements live inside their indicator's block, so a project page carries its whole
impact matrix in one row: listings, the API and the results page read it without a query
per indicator.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.dates import written_date

from .comparisons import WrittenStructComparison
from .indicators import Direction, ImpactCategory, better, format_value


class MeasurementBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    value = blocks.DecimalBlock(label=_("Value"), decimal_places=2, max_digits=14)

    class Meta:
        icon = "date"
        label = _("Measurement")

    def get_comparison_class(self):
        return WrittenStructComparison

    def clean(self, value):
        value = super().clean(value)
        # Drafts may hold an incomplete measurement (Wagtail defers "required" until publishing).
        if value["date"] and value["date"] > timezone.localdate():
            raise StructBlockValidationError(
                block_errors={
                    "date": ValidationError(
                        _("%(date)s is in the future: record a measurement once it is made.")
                        % {"date": written_date(value["date"])}
                    )
                }
            )
        return value


class IndicatorBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Name"),
        max_length=150,
        help_text=_("What is measured, for example “Missed appointments”."),
    )
    category = blocks.ChoiceBlock(
        label=_("Impact matrix"),
        choices=ImpactCategory.choices,
        help_text=_(
            "Usable: the service works; used: people use it; useful: it solves their "
            "problem; impact: things changed; efficient: at a reasonable cost."
        ),
    )
    unit = blocks.CharBlock(
        label=_("Unit"),
        max_length=30,
        required=False,
        help_text=_("For example “%”, “users” or “days”. Leave empty for a plain number."),
    )
    direction = blocks.ChoiceBlock(
        label=_("Direction"), choices=Direction.choices, default=Direction.HIGHER
    )
    baseline = blocks.DecimalBlock(
        label=_("Baseline"),
        required=False,
        decimal_places=2,
        max_digits=14,
        help_text=_("The value before the project."),
    )
    target = blocks.DecimalBlock(label=_("Target"), required=False, decimal_places=2, max_digits=14)
    description = blocks.TextBlock(label=_("How it is measured"), required=False, max_length=400)
    highlighted = blocks.BooleanBlock(
        label=_("Key result"),
        required=False,
        help_text=_("Show this indicator among the key results of the territory's results page."),
    )
    measurements = blocks.ListBlock(MeasurementBlock(), label=_("Measurements"), min_num=0)

    class Meta:
        icon = "order"
        label = _("Indicator")

    def get_comparison_class(self):
        # The revision comparison writes choices, dates and numbers as the public page does.
        return WrittenStructComparison

    def clean(self, value):
        value = super().clean(value)
        baseline, target = value["baseline"], value["target"]
        if (
            baseline is not None
            and target is not None
            and not better(value["direction"], target, baseline)
        ):
            direction = Direction(value["direction"])
            raise StructBlockValidationError(
                block_errors={
                    "target": ValidationError(
                        _(
                            "“%(direction)s”, yet the target (%(target)s) is worse than the "
                            "baseline (%(baseline)s): check the direction or the figures."
                        )
                        % {
                            "direction": direction.label,
                            "target": format_value(target, value["unit"]),
                            "baseline": format_value(baseline, value["unit"]),
                        }
                    )
                }
            )
        return value


def indicator_blocks():
    return [("indicator", IndicatorBlock())]
