from django import template

from home.dates import written_date as written_date_of

register = template.Library()


# expects_localtime: an aware datetime arrives in the current time zone, as with ``date``.
@register.filter(expects_localtime=True, is_safe=False)
def written_date(value, format_name="DATE_FORMAT"):
    """``{{ value|written_date }}``, ``{{ value|written_date:"DATETIME_FORMAT" }}``: the date
    as French writes it (« 1er janvier 2026 »), see home/dates.py."""
    return written_date_of(value, format_name)
