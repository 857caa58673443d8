"""wagtail-localize's translation editor in French: its dates.

wagtail-localize writes the dates it passes to its editor with ``strftime("%-d %B %Y")``
(``wagtail_localize.compat.DATE_FORMAT``), so in English whatever the language (« 30 November
2026 »): no catalogue or format setting reaches them. The editor's template
(home/templates/wagtail_localize/admin/edit_translation.html) passes its output through
``translation_editor_dates``, which rewrites those dates, and only those (the last
publication, the segments' comments), in the active language; the texts being translated are
left as they are, since the editor saves what it shows.
"""

import datetime
import json
import re
from html import escape, unescape

from django import template
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

register = template.Library()

MONTHS = (
    "January February March April May June July August September October November December"
).split()
WRITTEN_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
PROPS = re.compile(r'(\bdata-props=")([^"]*)(")')
# The props that hold a date written by wagtail-localize.
DATED = {"lastPublishedDate", "comment"}


def localized(text):
    def rewrite(match):
        day, month, year = match.groups()
        written = datetime.date(int(year), MONTHS.index(month) + 1, int(day))
        return date_format(written, "j F Y")

    return WRITTEN_DATE.sub(rewrite, text)


def with_local_dates(value):
    if isinstance(value, dict):
        return {
            key: localized(item)
            if key in DATED and isinstance(item, str)
            else with_local_dates(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [with_local_dates(item) for item in value]
    return value


@register.filter
def translation_editor_dates(html):
    """The editor's HTML, the dates of its props written in the active language."""

    def rewrite(match):
        props = with_local_dates(json.loads(unescape(match.group(2))))
        return match.group(1) + escape(json.dumps(props)) + match.group(3)

    return mark_safe(PROPS.sub(rewrite, str(html)))
