"""Creating project pages outside the page editor: a draft added as the admin would add it
(used by the irritants' "create the project" action too), and reusing a project of another
territory."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from territories.isolation import reachable_pages
from territories.models import Territory
from territories.naming import with_article

from .models import ProjectIndexPage, ProjectPage

# Links and images inside the copied rich text point at the original territory's pages,
# documents and images: an editor could not choose them in their own territory
# (territories/references.py), so the copy keeps their text only.
RICH_TEXT_LINK = re.compile(r'<a [^>]*\blinktype="(?:page|document)"[^>]*>(.*?)</a>', re.S)
RICH_TEXT_IMAGE = re.compile(r"<embed [^>]*\bembedtype=\"image\"[^>]*/>")

# What a reuse copies, as the confirmation lists it (projects/admin/reuse.html shows these
# labels): what the project *is*. Every other field of the page starts empty.
COPIED = {
    "title": _("the title"),
    "pitch": _("the pitch"),
    "problem": _("the problem, credited to the original territory (replace its figures)"),
    "solution": _("the solution"),
    "themes": _("the themes"),
    "user_types": _("the user types"),
    "source_code_url": _("the source code address"),
    "indicators": _("the indicators to measure, without their figures"),
}
# What stays with the original territory, as the confirmation lists it: its own account of
# the project (introduction and details hold its figures), its people, history and money.
NOT_COPIED = [
    _("the introduction and the details, which tell the original territory's story"),
    _("the team"),
    _("the phase history and the decisions"),
    _("the measurements, baselines and targets"),
    _("the sponsor service and the budget"),
    _("the service and statistics addresses"),
]


def unlinked(value):
    """``value`` (rich text, or a stream block's raw data) without links to pages and
    documents and without embedded images."""
    if isinstance(value, str):
        return RICH_TEXT_IMAGE.sub("", RICH_TEXT_LINK.sub(r"\1", value))
    if isinstance(value, list):
        return [unlinked(item) for item in value]
    if isinstance(value, dict):
        return {key: unlinked(item) for key, item in value.items()}
    return value


def reuse_destinations(user):
    """The projects indexes the user may add a page to: their own territory's.

    Only in the default language: the other languages' trees follow it (a copy gets its
    aliases there, then its translations), so French text never lands in the English tree.
    """
    indexes = reachable_pages(
        user, ProjectIndexPage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    ).select_related("locale")
    return [
        index
        for index in indexes.order_by("path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


def free_slug(index, slug):
    """``slug``, else ``slug-2``, ``slug-3``…: the first that no page under ``index`` has."""
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def add_draft_project(index, project, user):
    """Add ``project`` (an unsaved ProjectPage) under ``index`` as a draft owned by ``user``,
    as the page editor would: a free slug, a first revision, the aliases in the other
    languages' trees and the "created" entry of the page's history."""
    project.slug = free_slug(index, project.slug)
    project.locale = index.locale
    project.live = False
    project.owner = user
    index.add_child(instance=project)
    project.save_revision(user=user)
    create_aliases_for_new_page(project)
    log(instance=project, action="wagtail.create", user=user)
    return project


def same_territory(page, index):
    """Whether ``index`` (a projects index in the default language) is in the territory
    that holds ``page``: a territory does not reuse its own projects."""
    territory = Territory.of_page(page)
    return territory is not None and index.path.startswith(territory.home.path)


def existing_copies(original, indexes):
    """The copies of ``original`` already made under ``indexes`` (the user's own projects
    indexes: another territory's copies are none of their business), oldest first."""
    copies = ProjectPage.objects.none()
    for index in indexes:
        copies |= ProjectPage.objects.child_of(index)
    return list(copies.filter(reused_from=original, alias_of__isnull=True).order_by("pk"))


def credited_problem(original, territory_name):
    """The original's problem, opened by a line saying whose it is: its figures are the
    original territory's, and the copy must not pass them off as its own."""
    with translation.override(settings.LANGUAGE_CODE):  # the copy is in the default language
        credit = format_html(
            "<p>{}</p>",
            pgettext(
                "territory name with its article",
                "The problem as %(territory)s describes it: replace its figures with yours.",
            )
            % {"territory": with_article(territory_name)},
        )
    return credit + unlinked(original.problem)


@transaction.atomic
def reuse_project(original, index, user):
    """A draft copy of ``original`` under ``index``, crediting the original.

    Exactly what ``COPIED`` lists: what the project *is* (its problem, credited, its
    solution, classification, source code and the indicators it measures). Nothing else: the
    original territory's own account and figures, team, phase history, decisions,
    measurements, budget and addresses stay with it.
    """
    if not original.live or not original.shareable:
        raise PermissionDenied
    if not any(index.pk == destination.pk for destination in reuse_destinations(user)):
        raise PermissionDenied
    if same_territory(original, index):
        raise PermissionDenied
    indicators = [
        (
            "indicator",
            {
                **{key: block.value[key] for key in ("name", "category", "unit", "direction")},
                "description": block.value["description"],
                "baseline": None,
                "target": None,
                "highlighted": False,
                "measurements": [],
            },
        )
        for block in original.indicators
    ]
    copy = ProjectPage(
        title=original.title,
        slug=original.slug,
        pitch=original.pitch,
        problem=credited_problem(original, Territory.of_page(original).name),
        solution=unlinked(original.solution),
        source_code_url=original.source_code_url,
        indicators=indicators,
        reused_from=original,
    )
    copy.themes = list(original.themes.all())
    copy.user_types = list(original.user_types.all())
    return add_draft_project(index, copy, user)
