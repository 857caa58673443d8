"""Which pages a view restriction hides: one rule, for serving a page and for every listing.

A restriction (password, login, groups) set on a page applies to that page in every
language, translations and wagtail-localize's aliases alike, and to everything under any of
them. Restricting a French page hides its English translation; restricting the English one
hides the French page too: a director of communication who makes a page private means the
page, not one of its copies.

A restriction R applies to a page P when:

- an ancestor of P, or P itself, is a language version of R's page, or an alias of it
  (R's page in any language, and everything under it);
- a language version of P, or the page P is an alias of, lies under R's page (a translation
  that was moved elsewhere stays private).

``view_restrictions(page)`` answers for one page (Wagtail's check when it serves a page);
``private_q()`` answers for every row of a queryset, in subqueries of the same SQL query, so a
listing costs no query more however many restrictions or pages there are.
"""

from functools import cache

from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat
from wagtail.models import Page, PageViewRestriction


def _above(pages, path):
    """The pages of ``pages`` at ``path`` (an expression) or above it in the tree."""
    return pages.annotate(target_path=ExpressionWrapper(path, output_field=CharField())).filter(
        target_path__startswith=F("path")
    )


class _LikeAny(Func):
    """PostgreSQL: ``path LIKE ANY (ARRAY(SELECT …) || …)``, the arrays built once per query."""

    arg_joiner = " LIKE ANY ("
    template = "(%(expressions)s))"
    output_field = BooleanField()


def _patterns(pages):
    """An array of LIKE patterns matching ``pages`` and whatever lies under them (tree paths
    are made of digits and capital letters: no wildcard to escape)."""
    from django.contrib.postgres.expressions import ArraySubquery

    patterns = pages.annotate(pattern=Concat("path", Value("%"))).values("pattern")
    return ArraySubquery(patterns.order_by())


def _under(*page_sets, path="path"):
    """Q: the page at ``path`` (a field name) is one of the pages of ``page_sets`` or lies
    under one of them.

    On PostgreSQL each set's paths are read once per query into an array of patterns: a few
    restricted pages then cost a few string comparisons per row, where a correlated EXISTS
    scans the page table again for every row it is asked about. Elsewhere, that EXISTS.
    """
    if connection.vendor == "postgresql":
        arrays = [_patterns(pages) for pages in page_sets]
        if len(arrays) > 1:
            arrays = [Func(*arrays, arg_joiner=" || ", template="%(expressions)s")]
        # No page through the relation (a NULL path): not covered, as with ``pk__in``.
        return Q(**{f"{path}__isnull": False}) & Q(_LikeAny(F(path), *arrays))
    covered = Q()
    for pages in page_sets:
        covered |= Q(Exists(_above(pages, OuterRef(path))))
    return covered


def _covered_q(restricted, prefix=""):
    """Q for the pages that restrictions set on the ``restricted`` pages apply to.

    ``prefix`` reaches the page through a relation (``"project__"``). Every subquery is
    uncorrelated: the database computes it once per query, not once per row of a listing.
    """
    under = Page.objects.filter(_under(restricted))
    # The restricted pages in every language, and their aliases: whatever lies under one
    # of them is covered. Two sets, each found through an index (translation key, alias).
    versions = (
        Page.objects.filter(translation_key__in=restricted.values("translation_key")),
        Page.objects.filter(alias_of_id__in=restricted.values("pk")),
    )
    if connection.vendor == "postgresql":
        below_a_version = _under(*versions, path=f"{prefix}path")
    else:
        # The pages under a version found once per query, not by a correlated EXISTS for
        # each row of the listing.
        below_a_version = Q(**{f"{prefix}pk__in": Page.objects.filter(_under(*versions))})
    return (
        Q(**{f"{prefix}translation_key__in": under.values("translation_key")})
        | Q(**{f"{prefix}alias_of__isnull": False, f"{prefix}alias_of_id__in": under.values("pk")})
        | below_a_version
    )


def private_q(prefix=""):
    """Q for the pages a view restriction applies to."""
    restricted = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    return _covered_q(restricted, prefix)


def covered_by(page_id):
    """The pages a restriction set on this page applies to (or applied to, once removed)."""
    return Page.objects.filter(_covered_q(Page.objects.filter(pk=page_id)))


def public(queryset):
    """The pages of ``queryset`` no view restriction applies to."""
    return queryset.exclude(private_q())


def published(queryset):
    """The live pages of ``queryset`` that no view restriction hides, in any language: the
    one rule of every public listing, in the listing's own query."""
    return public(queryset.live())


def private_pages():
    """The ids of the pages a view restriction applies to, as a subquery for queries that
    cannot take ``private_q`` itself (search backends filter on indexed fields only).

    Its SQL holds no value (the restrictions are read by the query itself), so it is built
    once per process: building the rule's subqueries cost more than running them.
    """
    sql, params = _private_pages_sql()
    return RawSQL(sql, params)


@cache
def _private_pages_sql():
    return Page.objects.filter(private_q()).order_by().values("pk").query.sql_with_params()


def is_public(page):
    """Whether one page is live and no restriction applies to it (one query)."""
    return page.live and not view_restrictions(page).exists()


def ancestor_paths(page):
    """The tree paths of the page and of its ancestors, computed without a query."""
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


# Where a page read from a cache keeps the ids of the restrictions that applied to it.
KEPT_RESTRICTIONS = "_kept_view_restriction_ids"


def keep_view_restrictions(page):
    """Reads now which restrictions apply to ``page``, and keeps them on it for
    ``restrictions_of``: for a page cached under its site's generation (the route a path
    leads to). A restriction added, changed or lifted bumps the sites of every page it
    covers, and a move the sites it leaves and enters (pagecache/signals.py); a page's
    language versions are in its territory's site. Only the ids are kept: the type, password
    and groups are read afresh when the request is checked."""
    setattr(page, KEPT_RESTRICTIONS, list(view_restrictions(page).values_list("pk", flat=True)))
    return page


def restrictions_of(page):
    """``view_restrictions(page)``, without a query for a page that keeps none."""
    kept = getattr(page, KEPT_RESTRICTIONS, None)
    if kept is None:
        return view_restrictions(page)
    # An empty list of ids: Django answers without asking the database.
    return PageViewRestriction.objects.filter(pk__in=kept)


def view_restrictions(page):
    """The restrictions that apply to ``page`` (the same rule as ``private_q``), in one query
    when evaluated.

    Each restriction is matched by its page's id, and its page's path is read by primary key:
    there are a handful. Joined to the page table instead, the query was planned from the
    restrictions table's statistics, which an empty table never updates (autovacuum waits for
    50 changes): after a first territory in preparation, every page served hashed the whole
    page table (60 ms at 60,000 pages)."""
    lineage = Page.objects.filter(path__in=ancestor_paths(page))
    # Two subqueries, not one with an OR: each finds its rows through an index (the
    # translation key, the primary key) where the OR scanned the page table for every
    # restriction (a territory in preparation is one).
    versions = [Page.objects.filter(translation_key=page.translation_key)]
    if page.alias_of_id:
        versions.append(Page.objects.filter(pk=page.alias_of_id))
    below = Q()
    for pages in versions:
        below |= Q(Exists(pages.filter(path__startswith=OuterRef("restricted_path"))))
    language_versions = Page.objects.filter(
        translation_key__in=lineage.values("translation_key")
    ).values("pk")
    return PageViewRestriction.objects.alias(
        restricted_path=Subquery(
            Page.objects.filter(pk=OuterRef("page_id")).order_by().values("path")
        )
    ).filter(
        Q(page_id__in=language_versions)
        | Q(page_id__in=lineage.filter(alias_of__isnull=False).values("alias_of_id"))
        | below
    )
