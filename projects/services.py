"""Creating project pages outside the page editor: a draft added as the admin would add it
(used by the irritants' "create the project" action too), and reusing a project of another
territory."""

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from territories.isolation import reachable_pages

from .models import ProjectIndexPage, ProjectPage

# Body blocks that point at the original territory's images, documents or pages: an editor
# could not choose them in their own territory, so the copy leaves them out. Links and images
# inside rich text go the same way (their text stays): the editor's territory could not save
# them (territories/references.py).
TERRITORY_BOUND_BLOCKS = {"image", "document", "call_to_action"}
RICH_TEXT_LINK = re.compile(r'<a [^>]*\blinktype="(?:page|document)"[^>]*>(.*?)</a>', re.S)
RICH_TEXT_IMAGE = re.compile(r"<embed [^>]*\bembedtype=\"image\"[^>]*/>")


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


@transaction.atomic
def reuse_project(original, index, user):
    """A draft copy of ``original`` under ``index``, crediting the original.

    What the project *is* (its problem, solution, classification, source code and the
    indicators it measures) is copied; what belongs to the original territory is not: its
    team, phase history, decisions, measurements, budget and service addresses.
    """
    if not original.live or not original.shareable:
        raise PermissionDenied
    if not any(index.pk == destination.pk for destination in reuse_destinations(user)):
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
        intro=original.intro,
        pitch=original.pitch,
        problem=unlinked(original.problem),
        solution=unlinked(original.solution),
        source_code_url=original.source_code_url,
        body=[
            unlinked(block)
            for block in original.body.raw_data
            if block["type"] not in TERRITORY_BOUND_BLOCKS
        ],
        indicators=indicators,
        reused_from=original,
    )
    copy.themes = list(original.themes.all())
    copy.user_types = list(original.user_types.all())
    return add_draft_project(index, copy, user)
