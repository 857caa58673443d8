"""Dates as written in running text: « 1er janvier 2026 », never « 1 janvier 2026 ».

Django's French formats write the first day of a month as a bare « 1 »; French writes it as
an ordinal (« 1er »), the other days as cardinals. Every date a page, an email or an admin
screen of this project writes in words goes through ``written_date`` (or the template filter
of the same name, home/templatetags/dates.py), so the rule lives here only.
"""

import datetime
import re

from django.utils import formats, timezone
from django.utils.dateformat import format as format_value
from django.utils.translation import get_language

# What a language writes after the first day of a month (its ordinal), in the date format's
# syntax: escaped, as the letters would otherwise be format characters.
FIRST_DAY_SUFFIXES = {"fr": r"\e\r"}

# The day of the month ("j"), not an escaped letter.
DAY = re.compile(r"(?<!\\)j")


def written_date(value, format_name="DATE_FORMAT"):
    """``value`` (a date or datetime) in the active language's words.

    ``format_name`` is a format setting ("DATE_FORMAT", "DATETIME_FORMAT") or a format string;
    an aware datetime is written in the current time zone, as Django's ``date`` filter does.
    """
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    pattern = formats.get_format(format_name)
    suffix = FIRST_DAY_SUFFIXES.get((get_language() or "").split("-")[0])
    if suffix and value.day == 1:
        pattern = DAY.sub(lambda match: "j" + suffix, pattern, count=1)
    return format_value(value, pattern)
