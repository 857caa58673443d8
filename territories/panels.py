"""The dashboard's panels per role: what awaits a territory's Publication, Rédaction and
Administration members, one panel per (territory, role) the user holds, by territory name.

Each panel costs a fixed number of queries whatever the size of the network: its count and
a few rows (``LIMIT``), with a « Voir tout » link to the full listing. The territories a user
belongs to and their homes in every language are read once per request (``memberships``).

Those who see the whole network (superusers, the Réseau group) get no territory panel: their
dashboard is Wagtail's, with its moderation panel replaced by ``NetworkToReviewPanel``
(Wagtail's own asks the database once per workflow task, that is once per territory).
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import (
    GroupApprovalTask,
    Page,
    PageLogEntry,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from . import members
from .isolation import sees_everything
from .models import Territory, under_paths
from .permissions import TERRITORY_ROLES

# Rows shown by a panel; the « Voir tout » link leads to the rest.
LIMIT = 5


@dataclass(frozen=True)
class Membership:
    """A territory the user belongs to, in which roles, and where its pages are."""

    territory: Territory
    roles: frozenset
    # The paths of the territory's home in every language.
    home_paths: tuple
    # The user's group ids (the reviewers of a workflow task are groups).
    group_ids: frozenset
    # Its rank among the user's territories, by name, and whether there are others.
    position: int
    several: bool

    def pages(self):
        return Page.objects.filter(under_paths(self.home_paths))


def memberships(user):
    """The territories whose role groups the user is in, by name (cached on the user): three
    queries, whatever the number of territories. Empty for those who see the network."""
    if not hasattr(user, "_territory_memberships"):
        user._territory_memberships = [] if sees_everything(user) else _memberships(user)
    return user._territory_memberships


def _memberships(user):
    group_ids = frozenset(user.groups.values_list("pk", flat=True))
    if not group_ids:
        return []
    territories = list(
        Territory.objects.filter(
            Q(editors_id__in=group_ids)
            | Q(publishers_id__in=group_ids)
            | Q(administrators_id__in=group_ids),
            # An archived site has nothing left to review, draft or publish.
            archived_at=None,
        )
        .select_related("home", "site")
        .order_by("name", "pk")
    )
    paths = {}
    homes = Page.objects.filter(
        translation_key__in=[territory.home.translation_key for territory in territories],
        depth__in={territory.home.depth for territory in territories},
    ).values_list("translation_key", "path")
    for key, path in homes:
        paths.setdefault(key, []).append(path)
    return [
        Membership(
            territory=territory,
            roles=frozenset(
                role.key
                for role in TERRITORY_ROLES
                if getattr(territory, f"{role.group_field}_id") in group_ids
            ),
            home_paths=tuple(sorted(paths.get(territory.home.translation_key, ()))),
            group_ids=group_ids,
            position=position,
            several=len(territories) > 1,
        )
        for position, territory in enumerate(territories)
    ]


def territory_panels(user, panel_classes):
    """One panel of each class per territory in which the user holds the class's role."""
    return [
        panel_class(membership)
        for membership in memberships(user)
        for panel_class in panel_classes
        if membership.roles.intersection(panel_class.roles)
    ]


def arrange(panels):
    """Territory panels grouped by territory (by name), each territory's by ``slot``, in the
    places they hold among the dashboard's panels (all share one ``order``)."""
    places = [index for index, panel in enumerate(panels) if isinstance(panel, TerritoryPanel)]
    ordered = sorted((panels[index] for index in places), key=lambda panel: panel.sort_key)
    for index, panel in zip(places, ordered, strict=True):
        panels[index] = panel


def url_with(name, query):
    return f"{reverse(name)}?{urlencode(query)}"


def page_keys(pages):
    """``pages``' ids as workflow states and revisions name them (text)."""
    return pages.annotate(key=Cast("pk", output_field=CharField())).values("key")


def on_pages(pages):
    """Workflow states of ``pages``."""
    return Q(base_content_type=get_default_page_content_type(), object_id__in=page_keys(pages))


def reviewable_task_states(user, group_ids):
    """In-progress task states the user may approve, in one query (Wagtail's
    ``TaskState.objects.reviewable_by`` asks once per task of the network)."""
    tasks = GroupApprovalTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=group_ids)
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=tasks.values("pk")
    )


def with_pages(states):
    """(state, page) for each workflow state whose page still exists: one query."""
    states = list(states)
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [
        (state, pages[int(state.object_id)]) for state in states if int(state.object_id) in pages
    ]


class TerritoryPanel(Component):
    """A dashboard panel about one territory, for one of the user's roles in it.

    Subclasses say which ``roles`` they serve, their ``slot`` among the territory's panels, a
    ``heading`` and ``rows_template``, and fill ``get_items`` (count, rows, « Voir tout »).
    """

    template_name = "territories/panels/panel.html"
    rows_template = None
    # Before Wagtail's own panels (210 and after); ``arrange`` orders them among themselves.
    order = 100
    # The role keys whose members see it.
    roles = ()
    slot = 0
    heading = ""
    empty_message = ""
    icon = "doc-empty"

    def __init__(self, membership):
        self.membership = membership
        self.territory = membership.territory

    @property
    def sort_key(self):
        return (self.membership.position, self.slot)

    @property
    def panel_id(self):
        return f"{type(self).__name__.lower()}-{self.territory.slug}"

    def get_items(self, user):
        """{"count": …, "rows": […], "more_url": … (optional)}"""
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        items = self.get_items(request.user)
        count = items["count"]
        return {
            **items,
            "panel": self,
            "panel_id": self.panel_id,
            "heading": self.heading,
            "territory": self.territory,
            "show_territory": self.membership.several,
            "more_url": items.get("more_url") if count > len(items["rows"]) else None,
            "rows_template": self.rows_template,
            "empty_message": self.empty_message,
            "icon": self.icon,
            "request": request,
        }


# Publication --------------------------------------------------------------------------------


def awaiting_review(user, group_ids, workflow_states=None):
    """In-progress workflow states whose current task the user may approve."""
    states = workflow_states if workflow_states is not None else WorkflowState.objects.all()
    return states.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        current_task_state__in=reviewable_task_states(user, group_ids),
    )


def review_rows(states):
    states = states.select_related(
        "requested_by", "current_task_state__revision__user", "workflow__territory"
    ).order_by("-current_task_state__started_at", "-pk")[:LIMIT]
    return [
        {
            "page": page,
            "submitted_by": state.current_task_state.revision.user or state.requested_by,
            "submitted_at": state.current_task_state.started_at,
            "territory": getattr(state.workflow, "territory", None),
        }
        for state, page in with_pages(states)
    ]


class ToReviewPanel(TerritoryPanel):
    roles = ("publishing",)
    slot = 10
    heading = _("To review")
    empty_message = _("No page is waiting for your review.")
    rows_template = "territories/panels/review_rows.html"
    icon = "tasks"

    def get_items(self, user):
        states = awaiting_review(
            user,
            self.membership.group_ids,
            WorkflowState.objects.filter(
                on_pages(self.membership.pages()), workflow_id=self.territory.workflow_id
            ),
        )
        return {
            "count": states.count(),
            "rows": review_rows(states),
            "more_url": url_with(
                "wagtailadmin_reports:workflow",
                query={"reviewable": "true", "workflow": self.territory.workflow_id},
            ),
        }


class NetworkToReviewPanel(Component):
    """Wagtail's « Awaiting your review », for those who see the whole network, at a fixed
    cost: the pages of every territory whose review they may do, with their territory."""

    template_name = "territories/panels/panel.html"
    order = 220  # Wagtail's panel's place

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        group_ids = frozenset(user.groups.values_list("pk", flat=True))
        states = awaiting_review(user, group_ids)
        count = states.count()
        rows = review_rows(states) if count else []
        return {
            "panel_id": "network-to-review",
            "heading": _("To review"),
            "show_territory": False,
            "show_row_territory": True,
            "count": count,
            "rows": rows,
            "more_url": url_with("wagtailadmin_reports:workflow", query={"reviewable": "true"})
            if count > len(rows)
            else None,
            "rows_template": "territories/panels/review_rows.html",
            "empty_message": "",
            "hide_when_empty": True,
            "icon": "tasks",
            "request": request,
        }


# Rédaction ----------------------------------------------------------------------------------


class DraftsPanel(TerritoryPanel):
    """The territory's pages whose latest revision is the user's and is not published; those
    in review or sent back say so (this replaces Wagtail's « pages in a workflow » panel).
    Publishers write too: they see theirs."""

    roles = ("editing", "publishing")
    slot = 30
    heading = _("My drafts")
    empty_message = _("You have no draft waiting.")
    rows_template = "territories/panels/draft_rows.html"
    icon = "edit"

    def get_items(self, user):
        # Aliases (a language's copy of a page not translated yet) are nobody's work.
        pages = self.membership.pages().filter(
            has_unpublished_changes=True, latest_revision__user=user, alias_of=None
        )
        review = WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        rows = pages.annotate(review_status=Subquery(review.values("status")[:1])).order_by(
            "-latest_revision_created_at", "-pk"
        )[:LIMIT]
        return {
            "count": pages.count(),
            "rows": list(rows),
            "more_url": url_with(
                "wagtailadmin_pages:search",
                query={"edited_by": user.pk, "ordering": "-latest_revision_created_at"},
            ),
        }


class SentBackPanel(TerritoryPanel):
    """The user's pages (submitted or owned) whose review asked for changes."""

    roles = ("editing",)
    slot = 40
    heading = _("Sent back for changes")
    empty_message = _("None of your pages was sent back.")
    rows_template = "territories/panels/sent_back_rows.html"
    icon = "warning"

    def get_items(self, user):
        # Compared as text, as workflow states store it (a snippet's id need not be a number).
        owned = Exists(
            Page.objects.filter(owner=user)
            .annotate(key=Cast("pk", output_field=CharField()))
            .filter(key=OuterRef("object_id"))
        )
        states = WorkflowState.objects.filter(
            on_pages(self.membership.pages()),
            Q(requested_by=user) | owned,
            workflow_id=self.territory.workflow_id,
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        rows = states.select_related("current_task_state__finished_by").order_by(
            "-current_task_state__finished_at", "-pk"
        )[:LIMIT]
        return {
            "count": states.count(),
            "rows": [
                {
                    "page": page,
                    "reviewer": state.current_task_state.finished_by,
                    "sent_back_at": state.current_task_state.finished_at,
                    "comment": state.current_task_state.comment,
                }
                for state, page in with_pages(rows)
            ],
            "more_url": url_with(
                "wagtailadmin_reports:workflow",
                query={
                    "status": WorkflowState.STATUS_NEEDS_CHANGES,
                    "workflow": self.territory.workflow_id,
                    "requested_by": user.pk,
                },
            ),
        }


# Administration -----------------------------------------------------------------------------


class InvitationsPanel(TerritoryPanel):
    roles = ("administration",)
    slot = 60
    heading = _("Pending invitations")
    empty_message = _("No invitation is waiting for an answer.")
    rows_template = "territories/panels/invitation_rows.html"
    icon = "mail"

    def get_items(self, user):
        invitations = members.pending_invitations(self.territory)
        rows = list(invitations.order_by("-created_at", "-pk")[:LIMIT])
        for invitation in rows:
            invitation.role_labels = members.role_labels(invitation.roles)
        # The accounts screen, where one invites.
        url = reverse("territory_accounts", args=[self.territory.pk])
        return {
            "count": invitations.count(),
            "rows": rows,
            "more_url": url,
            # The accounts screen is where one invites: linked even with nothing pending.
            "members_url": url,
        }


class LastPublicationsPanel(TerritoryPanel):
    roles = ("administration",)
    slot = 70
    heading = _("Latest publications")
    empty_message = _("Nothing published yet.")
    rows_template = "territories/panels/publication_rows.html"
    icon = "globe"

    def get_items(self, user):
        publisher = (
            PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
            .order_by("-timestamp", "-pk")
            .values("user_id")[:1]
        )
        pages = list(
            self.membership.pages()
            .filter(live=True, last_published_at__isnull=False, alias_of=None)
            .annotate(publisher_id=Subquery(publisher))
            .order_by("-last_published_at", "-pk")[:LIMIT]
        )
        users = get_user_model().objects.in_bulk({page.publisher_id for page in pages} - {None})
        for page in pages:
            page.publisher = users.get(page.publisher_id)
        # A list of the last few, not a count of everything ever published.
        return {"count": len(pages), "rows": pages}


# The irritants app adds its own (irritants/wagtail_hooks.py).
TERRITORY_PANELS = (
    ToReviewPanel,
    DraftsPanel,
    SentBackPanel,
    InvitationsPanel,
    LastPublicationsPanel,
)
