"""Scope the choices of Wagtail's admin filters to the user's own territory.

Wagtail fills the "site", "owner", "edited by", "locked by", "requested by" and
"workflow" filters of its explorer and reports from the whole database, so a territory
editor would read the other territories' site names, editors and workflows in them. The
lists they filter are already scoped by permissions; only these choices are not.
"""

from django.db.models import Q
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.views.reports.audit_logging import SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksReportFilterSet,
)
from wagtail.models import Page, Workflow

from .isolation import permission_roots, reachable_pages, sees_everything


def colleagues(user, users):
    """Of ``users``, those who share one of ``user``'s page-permission roots."""
    roots = permission_roots(user)
    return users.filter(
        Q(pk=user.pk) | Q(groups__page_permissions__page__path__in=roots)
    ).distinct()


def own_sites(user, sites):
    return sites.filter(root_page__in=reachable_pages(user, Page.objects.all()))


def own_workflows(user, workflows):
    pages = reachable_pages(user, Page.objects.all())
    return workflows.filter(workflow_pages__page__in=pages).distinct()


def own_tasks(user, tasks):
    workflows = own_workflows(user, Workflow.objects.all())
    return tasks.filter(workflow_tasks__workflow__in=workflows).distinct()


SCOPES = [
    (PageFilterSet, "site", own_sites),
    (PageFilterSet, "owner", colleagues),
    (PageFilterSet, "edited_by", colleagues),
    (LockedPagesReportFilterSet, "locked_by", colleagues),
    (WorkflowReportFilterSet, "requested_by", colleagues),
    (WorkflowReportFilterSet, "workflow", own_workflows),
    (WorkflowTasksReportFilterSet, "workflow", own_workflows),
    (WorkflowTasksReportFilterSet, "task", own_tasks),
]


def scoped(original, narrow):
    def queryset(request):
        choices = original(request) if callable(original) else original.all()
        if request is None or sees_everything(request.user):
            return choices
        return narrow(request.user, choices)

    return queryset


def scope_admin_filters():
    """Called once from the app's ready(); idempotent."""
    for filterset, name, narrow in SCOPES:
        for filters in (filterset.declared_filters, filterset.base_filters):
            choice_filter = filters.get(name)
            if choice_filter is not None and not getattr(choice_filter, "territory_scoped", False):
                choice_filter.queryset = scoped(choice_filter.queryset, narrow)
                choice_filter.territory_scoped = True
    # The site history lists the users of every log entry it can see.
    if not getattr(SiteHistoryReportFilterSet.get_users_queryset, "territory_scoped", False):
        original = SiteHistoryReportFilterSet.get_users_queryset

        def get_users_queryset(self):
            users = original(self)
            if self.request is None or sees_everything(self.request.user):
                return users
            return colleagues(self.request.user, users)

        get_users_queryset.territory_scoped = True
        SiteHistoryReportFilterSet.get_users_queryset = get_users_queryset
