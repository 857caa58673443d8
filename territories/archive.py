"""Archiving a territory takes it offline without losing anything; restoring brings it back
as it was, with what was written meanwhile kept.

While a territory is archived nothing of it may go public, whoever asks and by whatever
path (the admin, bulk actions, wagtail-localize, the scheduler, a management command): the
rule is checked where pages are written (publication.py calls ``refuse_while_archived``).
Scheduled publications are suspended by the archive and given back by the restore, so that
the scheduler never meets a page it may not publish.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, published

from home.dates import written_date
from home.generations import NETWORK, bump, site_scope

from .acting import PublishRefused
from .models import Territory

# Sent once a territory is archived (``territory``): the apps above erase what they keep
# for it that has no purpose any more (subscribers' addresses).
territory_archived = Signal()

# The page history's entry for a page published again by the restore (admin_archive.py).
RESTORE_LOG_ACTION = "territories.restore"


def restore_command(territory):
    return f"manage.py archive_territory {territory.slug} --restore"


def archived_message(territory):
    """What the admin says about an archived territory: since when, what it means, and who
    brings it back (restoring is an operator's command, not an admin screen)."""
    return _(
        "%(territory)s is archived since %(date)s: its site no longer answers and nothing of "
        "it can be published, not even by a superuser. To put it back online, the "
        "platform's operators run “%(command)s”; drafts and submissions can still be "
        "written meanwhile."
    ) % {
        "territory": territory.name,
        "date": written_date(territory.archived_at),
        "command": restore_command(territory),
    }


def archived_territory_of(page):
    """The archived territory whose tree, in any language, holds ``page``; None otherwise.
    One query, on the archived territories' home pages only (usually none)."""
    homes = Page.objects.filter(
        translation_key__in=Territory.objects.filter(archived_at__isnull=False).values(
            "home__translation_key"
        )
    ).values_list("path", flat=True)
    path = page.path or ""
    for home_path in homes:
        if path.startswith(home_path):
            return Territory.of_page(Page.objects.filter(path=home_path).first())
    return None


def refuse_while_archived(page):
    """Raise PublishRefused (a French message, shown in the admin) if ``page`` belongs to an
    archived territory. Called only for writes that make something public."""
    territory = archived_territory_of(page)
    if territory is not None:
        raise PublishRefused(
            _("“%(title)s” cannot be published: %(message)s")
            % {"title": page.get_admin_display_title(), "message": archived_message(territory)}
        )


def refuse_a_live_move_into_an_archive(sender, instance, parent_page_after, **kwargs):
    """A move writes only a page's place, no publication: a live page (or one with live
    pages under it) moved into an archived territory would be public there."""
    territory = archived_territory_of(parent_page_after)
    if territory is None:
        return
    if instance.live or instance.get_descendants().live().exists():
        raise PublishRefused(
            _("“%(title)s” cannot be moved there while it is published: %(message)s")
            % {"title": instance.get_admin_display_title(), "message": archived_message(territory)}
        )


@transaction.atomic
def archive_territory(territory, user=None):
    """Take a territory offline without deleting anything: every page is unpublished and its
    scheduled publications are suspended.

    The site keeps its host name (nobody else can take it) and answers 410 everywhere
    (territories/preparation.py); the revisions that were live and the schedules are
    remembered for the restore.
    """
    if territory.is_archived:
        raise ValidationError(_("%(territory)s is already archived.") % {"territory": territory})
    live_pages = territory.pages().live().order_by("-depth")
    scheduled = scheduled_revisions(territory)
    territory.archived_revisions = {
        "pages": {str(page.pk): page.live_revision_id for page in live_pages},
        # A draft saved on a page that is not live rewrites its row, dates included (Wagtail's
        # page form): the restore gives back these.
        "dates": {
            str(page.pk): [
                moment_text(page.first_published_at),
                moment_text(page.last_published_at),
            ]
            for page in live_pages
        },
        "scheduled": {
            str(pk): moment.isoformat()
            for pk, moment in scheduled.values_list("pk", "approved_go_live_at")
        },
    }
    # Suspended as Wagtail's "cancel scheduled publish" does (no signal: nothing goes public).
    scheduled.update(approved_go_live_at=None)
    for page in live_pages.specific():
        page.unpublish(user=user)
    territory.archived_at = timezone.now()
    territory.save(update_fields=["archived_at", "archived_revisions"])
    # The site's state is cached under its generation: changed here, not through whichever
    # page happened to be unpublished.
    bump(NETWORK, site_scope(territory.site_id))
    territory_archived.send(sender=Territory, territory=territory)


def scheduled_revisions(territory):
    page_ids = territory.pages().values_list("pk", flat=True)
    return Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in page_ids], approved_go_live_at__isnull=False
    )


def moment_text(moment):
    return moment.isoformat() if moment else None


def archived_state(territory):
    """(page id → revision id, revision id → scheduled moment, page id → publication dates)
    as the archive recorded them; older archives hold the first map only."""
    state = territory.archived_revisions or {}
    if "pages" in state:
        return state["pages"], state.get("scheduled", {}), state.get("dates", {})
    return state, {}, {}


@transaction.atomic
def restore_territory(territory, user=None):
    """Publish again what was live when the territory was archived, keeping what is newer.

    A page published meanwhile (possible before archives refused it) keeps that version; a
    draft or a submission written meanwhile stays one; each page keeps its real publication
    dates; the suspended schedules are given back.
    """
    if not territory.is_archived:
        raise ValidationError(_("%(territory)s is not archived.") % {"territory": territory})
    revisions, schedules, dates = archived_state(territory)
    archived_at = territory.archived_at
    # First, so that publishing is allowed again (refuse_while_archived).
    territory.archived_at = None
    territory.archived_revisions = {}
    territory.save(update_fields=["archived_at", "archived_revisions"])
    newer = published_since(territory, archived_at)
    # Aliases last: publishing their source refreshes them, and would undo their restoring.
    pages = (
        territory.pages()
        .filter(pk__in=[int(pk) for pk in revisions])
        .order_by(F("alias_of").asc(nulls_first=True), "depth")
    )
    for page in pages.specific():
        if page.live:
            continue  # published during the archive: the newest version stays
        revision_id = max(
            (pk for pk in (revisions[str(page.pk)], newer.get(page.pk)) if pk is not None),
            default=None,
        )
        if revision_id is not None and (revision := page.revisions.filter(pk=revision_id).first()):
            RestoreRevisionAction(
                revision, user=user, changed=False, log_action=RESTORE_LOG_ACTION
            ).execute()
            # Restoring is not publishing: the page keeps the dates it was published on.
            first, last = dates.get(str(page.pk)) or (
                moment_text(page.first_published_at),
                moment_text(page.last_published_at),
            )
            type(page)._base_manager.filter(pk=page.pk).update(
                first_published_at=first and parse_datetime(first),
                last_published_at=last and parse_datetime(last),
            )
        elif page.alias_of_id is not None:
            # An alias (a page of a synchronised tree) shows its source's live revision.
            page.live, page.live_revision_id = True, revision_id
            page.save(update_fields=["live", "live_revision"], clean=False)
        else:
            page.live = True
            page.save(update_fields=["live"], clean=False)
    for revision_pk, moment in schedules.items():
        # After the pages: publishing a revision clears its page's schedules.
        Revision.objects.filter(pk=int(revision_pk)).update(
            approved_go_live_at=parse_datetime(moment)
        )
    bump(NETWORK, site_scope(territory.site_id))


def published_since(territory, moment):
    """Page id → the newest revision published after ``moment`` (publications during an
    archive, before archives refused them), from Wagtail's history."""
    entries = PageLogEntry.objects.filter(
        page__in=territory.pages(),
        action__startswith="wagtail.publish",
        timestamp__gt=moment,
        revision__isnull=False,
    ).values_list("page_id", "revision_id")
    newest = {}
    for page_id, revision_id in entries:
        newest[page_id] = max(newest.get(page_id, 0), revision_id)
    return newest


class RestoreRevisionAction(PublishPageRevisionAction):
    """Wagtail's publication of a revision (signals, search index, aliases, cache), without
    what belongs to a new publication: cancelling the page's moderation in progress."""

    def _after_publish(self):
        page_published.send(
            sender=self.object.specific_class, instance=self.object.specific, revision=self.revision
        )
        published.send(sender=type(self.object), instance=self.object, revision=self.revision)
        self.object.update_aliases(revision=self.revision, _content=self.revision.content)
