"""The admin's revision comparison (« Comparer ») writes values as the public page does.

Wagtail's comparison prints a raw value where it knows no better: a choice's stored value
(« used », « higher »), ``None``, ``False``, a date in ISO form glued to the one it replaced
(« None2026-10-30 »). Here, choices read as their labels, dates as ``home.dates`` writes them,
booleans as Oui/Non, numbers as ``indicators.format_number``, and nothing stands for empty.

Wagtail asks a model field's comparison class from its registry (``register_comparison_class``,
below: a project's phases and decisions, and any page's dates, booleans and integers) and a
block's from the block's ``get_comparison_class`` (``IndicatorBlock`` and ``MeasurementBlock``,
projects/blocks.py).
"""

import datetime
from decimal import Decimal

from django.db import models
from django.utils.choices import flatten_choices
from django.utils.formats import number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin import compare

from home.dates import written_date

from .indicators import format_number


def written(value):
    """``value`` as a public page writes it; "" when there is none."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return written_date(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return written_date(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, int):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def _diff(text_a, text_b):
    """The old text struck out and the new one added, as Wagtail's choice comparison does."""
    if text_a == text_b:
        return escape(text_a)
    changes = [("deletion", text_a)] if text_a else []
    changes += [("addition", text_b)] if text_b else []
    return compare.TextDiff(changes).to_html()


class WrittenFieldComparison(compare.FieldComparison):
    def htmldiff(self):
        return _diff(written(self.val_a), written(self.val_b))


for field_class in (models.DateField, models.BooleanField, models.IntegerField):
    # DateTimeField is a DateField: written() writes its time too.
    compare.register_comparison_class(field_class, comparison_class=WrittenFieldComparison)


# Blocks whose value Wagtail would print raw.
WRITTEN_BLOCKS = (
    blocks.ChoiceBlock,
    blocks.DateBlock,
    blocks.DateTimeBlock,
    blocks.BooleanBlock,
    blocks.DecimalBlock,
    blocks.FloatBlock,
    blocks.IntegerBlock,
)


class WrittenBlockComparison(compare.BlockComparison):
    def text(self, value):
        if isinstance(self.block, blocks.ChoiceBlock) and value not in (None, ""):
            return str(dict(flatten_choices(self.block.field.choices)).get(value, value))
        return written(value)

    def htmlvalue(self, val):
        return escape(self.text(val))

    def htmldiff(self):
        return _diff(self.text(self.val_a), self.text(self.val_b))


def comparison_class_for(block):
    if isinstance(block, WRITTEN_BLOCKS):
        return WrittenBlockComparison
    return compare.get_comparison_class_for_block(block)


class WrittenStructComparison(compare.StructBlockComparison):
    """A struct block's fields, each written as the public page does (Wagtail's own struct
    comparison asks its children's comparison without ``comparison_class_for``)."""

    def _children(self, values):
        return format_html(
            "<dl>\n{}\n</dl>",
            format_html_join("\n", "    <dt>{}</dt>\n    <dd>{}</dd>", values),
        )

    def htmlvalue(self, val):
        return self._children(
            (
                block.label,
                comparison_class_for(block)(block, True, True, val[name], val[name]).htmlvalue(
                    val[name]
                ),
            )
            for name, block in self.block.child_blocks.items()
        )

    def htmldiff(self):
        return self._children(
            (
                block.label,
                comparison_class_for(block)(
                    block, self.exists_a, self.exists_b, self.val_a[name], self.val_b[name]
                ).htmldiff(),
            )
            for name, block in self.block.child_blocks.items()
        )
