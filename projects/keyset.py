"""Keyset pagination of the open data: the projects after (or before) a cursor, in tree order.

An offset page costs the database every row before it (the last pages of 10,000 projects
would read them all); a keyset page starts with an index seek on the page's tree path, the
same few queries and the same cost wherever it lies. The cursor is the tree path of the
project at a page's edge: Wagtail's paths are unique and sort like the tree, and a cursor
stays meaningful when projects are added or removed between two requests.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from wagtail.models import Page

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 500
# A tree path: one or more steps of Page.steplen characters of Page.alphabet.
CURSOR = re.compile(rf"(?:[{re.escape(Page.alphabet)}]{{{Page.steplen}}}){{1,64}}")


class BadWindow(ValueError):
    """A query string that names no page of the API; the message says why, in French."""


@dataclass(frozen=True)
class Window:
    """Which page a request asks for: ``size`` projects after ``after``, or before ``before``,
    or the first ones when neither is given."""

    size: int = DEFAULT_PAGE_SIZE
    after: str | None = None
    before: str | None = None

    @classmethod
    def from_query(cls, query):
        size = query.get("page_size", "")
        if size == "":
            size = DEFAULT_PAGE_SIZE
        elif not size.isascii() or not size.isdigit() or not 1 <= int(size) <= MAX_PAGE_SIZE:
            raise BadWindow(
                _("page_size must be a whole number from 1 to %(maximum)s.")
                % {"maximum": MAX_PAGE_SIZE}
            )
        else:
            size = int(size)
        after, before = query.get("after") or None, query.get("before") or None
        if after and before:
            raise BadWindow(_("Give either after or before, not both."))
        cursor = after or before
        if cursor and not CURSOR.fullmatch(cursor):
            raise BadWindow(
                _("The cursor is not valid: follow the links.next and links.prev addresses.")
            )
        return cls(size=size, after=after, before=before)


@dataclass(frozen=True)
class KeysetPage:
    items: list
    # The cursors of the neighbouring pages, None at either end.
    next_after: str | None
    previous_before: str | None


def page_of(projects, window):
    """One page of ``projects`` (a queryset, prefetches included): ``window.size`` items
    and whether pages lie on either side, in one query plus the prefetches.

    Whether another page follows in the direction of travel is read from one more item;
    the way back is taken to exist when a cursor was given (it leads back to the page the
    cursor came from; at worst, if every project behind it was taken down since, to an
    empty page). Asking the database instead would cost a query as dear as the page."""
    forward = window.before is None
    if forward:
        rows = projects.order_by("path")
        if window.after:
            rows = rows.filter(path__gt=window.after)
    else:
        rows = projects.filter(path__lt=window.before).order_by("-path")
    # One more than the page: whether another page follows in the direction of travel.
    items = list(rows[: window.size + 1])
    further = len(items) > window.size
    items = items[: window.size]
    if not forward:
        items.reverse()
    if not items:
        return KeysetPage(items, None, None)
    first, last = items[0].path, items[-1].path
    if forward:
        return KeysetPage(items, last if further else None, first if window.after else None)
    return KeysetPage(items, last, first if further else None)


def batches(projects, size):
    """Every project of ``projects``, in lists of ``size`` read one after another: a
    stream's memory holds one batch, whatever the total (each batch with its prefetches)."""
    after = None
    while True:
        rows = projects.order_by("path")
        if after is not None:
            rows = rows.filter(path__gt=after)
        batch = list(rows[:size])
        if batch:
            yield batch
        if len(batch) < size:
            return
        after = batch[-1].path
        del batch  # the next batch then takes this one's place in memory, not a place beside it
