"""The access model: every role, what it may do, and who may publish in a territory.

Four roles, declared once here:
- Rédaction (one group per territory): writes the territory's pages and media and submits
  them for review;
- Publication (one group per territory): also publishes, approves what Rédaction submits,
  reviews the territory's irritants and edits its site's identity;
- Administration (one group per territory): manages the territory's accounts and
  invitations (members.py), edits its site's identity and puts the site online (launch.py);
  it writes no page unless it also holds another role;
- Réseau (one group): the network team, the same as Publication on every territory and on
  the hub, and it may put a territory online.

Every grant is one of Wagtail's own permission records (page, collection, site and global
permissions), so Wagtail's explorer, reports, choosers and permission policies obey it.
``apply_territory_roles`` makes a territory's groups hold exactly what is declared: it runs
when a territory opens and again after every ``migrate``, so a declaration changed here
reaches every territory, and a grant added by hand to a role's group goes away. Wagtail's
own "Editors" and "Moderators" groups are not part of the model: migration 0006 removes them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permission_policies.base import BasePermissionPolicy


@dataclass(frozen=True)
class Role:
    # Page permissions, on the territory's home page in every language (the tree's root for
    # the network).
    page: tuple
    # Image and document permissions, on the territory's collection (the root collection).
    media: tuple
    # Global permissions.
    model: tuple
    # Site setting permissions, on the territory's own site (global for the network).
    site: tuple = ()
    # Approves what the territory's editors submit (its workflow's task).
    reviews: bool = False


EDITING = Role(
    page=("add_page", "change_page"),
    media=(
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ),
    # The admin itself, and sending the territory's own pages for translation (the
    # territory check for it lives in ``isolation.py``).
    model=(("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")),
)

PUBLISHING = Role(
    page=EDITING.page + ("publish_page", "lock_page", "unlock_page"),
    media=EDITING.media + (("wagtailimages", "change_image"), ("wagtaildocs", "change_document")),
    # Publishers review their territory's irritants (the viewset scopes them to it), and
    # delete the spam that gets past the form's protections.
    model=EDITING.model
    + (
        ("irritants", "view_irritant"),
        ("irritants", "change_irritant"),
        ("irritants", "delete_irritant"),
    ),
    # Their own site's identity, and only that one.
    site=(("territories", "change_territorysettings"),),
    reviews=True,
)

ADMINISTRATION = Role(
    page=(),
    media=(),
    model=(("wagtailadmin", "access_admin"),),
    site=PUBLISHING.site,
)

NETWORK = Role(
    page=PUBLISHING.page,
    media=PUBLISHING.media,
    model=EDITING.model + PUBLISHING.site,  # a global setting permission covers every site
    reviews=True,
)


@dataclass(frozen=True)
class TerritoryRole:
    key: str
    label: str
    # The Territory field that holds the role's group.
    group_field: str
    rights: Role


TERRITORY_ROLES = (
    TerritoryRole("editing", pgettext_lazy("territory role", "Editing"), "editors", EDITING),
    TerritoryRole(
        "publishing", pgettext_lazy("territory role", "Publishing"), "publishers", PUBLISHING
    ),
    TerritoryRole(
        "administration",
        pgettext_lazy("territory role", "Administration"),
        "administrators",
        ADMINISTRATION,
    ),
)


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group_names(territory_name):
    """The role groups' names (editing, publishing, administration), in the site's default
    language."""
    with translation.override(settings.LANGUAGE_CODE):
        return (
            _("%(territory)s — Editing") % {"territory": territory_name},
            _("%(territory)s — Publishing") % {"territory": territory_name},
            _("%(territory)s — Administration") % {"territory": territory_name},
        )


def network_group_name():
    with translation.override(settings.LANGUAGE_CODE):
        return _("Network")


# Applying the model ---------------------------------------------------------------------


def apply_territory_roles(territory):
    """Make the territory's groups hold exactly their roles' rights, and its workflow cover
    its home page in every language with the publishers as reviewers."""
    homes = list(territory.home.get_translations(inclusive=True))
    for role in TERRITORY_ROLES:
        group = getattr(territory, role.group_field)
        apply_role(group, role.rights, pages=homes, collection=territory.collection)
        set_site_permissions(group, role.rights, site=territory.site)
    apply_review(territory.workflow, reviewers=[territory.publishers], pages=homes)


def apply_network_role():
    """The network group, its rights on everything, and the review of the hub (the tree's
    root, where Wagtail's default workflow sits)."""
    group, _created = Group.objects.get_or_create(name=network_group_name())
    apply_role(
        group,
        NETWORK,
        pages=[Page.get_first_root_node()],
        collection=Collection.get_first_root_node(),
    )
    root_workflow = Workflow.objects.filter(workflow_pages__page__depth=1).first()
    if root_workflow is not None:
        apply_review(root_workflow, reviewers=[group], pages=None)
    return group


def apply_role(group, role, *, pages, collection):
    group.permissions.set(permission(app, codename) for app, codename in role.model)
    wanted_pages = {
        (page.pk, permission("wagtailcore", codename).pk)
        for page in pages
        for codename in role.page
    }
    sync(GroupPagePermission, group, "page_id", wanted_pages)
    wanted_media = {(collection.pk, permission(app, codename).pk) for app, codename in role.media}
    sync(GroupCollectionPermission, group, "collection_id", wanted_media)


def set_site_permissions(group, role, *, site):
    wanted = {(site.pk, permission(app, codename).pk) for app, codename in role.site}
    sync(GroupSitePermission, group, "site_id", wanted)


def sync(model, group, object_field, wanted):
    """Make ``group``'s rows of ``model`` exactly ``wanted`` (object id, permission id)."""
    rows = model.objects.filter(group=group)
    have = set(rows.values_list(object_field, "permission_id"))
    for object_id, permission_id in have - wanted:
        rows.filter(**{object_field: object_id, "permission_id": permission_id}).delete()
    model.objects.bulk_create(
        model(group=group, **{object_field: object_id}, permission_id=permission_id)
        for object_id, permission_id in wanted - have
    )


def apply_review(workflow, *, reviewers, pages):
    """One approval task on the workflow, whose reviewers are exactly ``reviewers``; the
    workflow covers ``pages`` (when given)."""
    task_link = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order").first()
    if task_link is None:
        with translation.override(settings.LANGUAGE_CODE):
            task = GroupApprovalTask.objects.create(
                name=_("%(workflow)s — Approval") % {"workflow": workflow.name}
            )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    else:
        task = task_link.task.specific
    if isinstance(task, GroupApprovalTask):
        task.groups.set(reviewers)
    if pages is not None:
        covered = set(WorkflowPage.objects.filter(page__in=pages).values_list("page_id", flat=True))
        WorkflowPage.objects.bulk_create(
            WorkflowPage(workflow=workflow, page=page) for page in pages if page.pk not in covered
        )


def apply_access_model(**kwargs):
    """After every ``migrate``: the declared roles, on every territory and the network."""
    from .models import Territory

    if not Page.get_first_root_node():
        return
    apply_network_role()
    for territory in Territory.objects.select_related(
        "home", "site", "collection", "editors", "publishers", "administrators", "workflow"
    ):
        apply_territory_roles(territory)


# The questions ----------------------------------------------------------------------------


def reviewers_of(territory):
    """Who reviews this territory's work: the active members of its Publication group. They
    approve its workflow, review its irritants and are told of new ones. (Who may *publish*
    a given page — they, the network group and superusers — is Wagtail's page permission
    check, asked in ``acting.may_publish``.)"""
    return get_user_model().objects.filter(is_active=True, groups=territory.publishers)


class SuperusersOnly(BasePermissionPolicy):
    """Opening territories is an administrator's job; nobody edits or deletes one here
    (archive_territory takes one offline without losing anything)."""

    allowed_actions = {"add", "view"}

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in self.allowed_actions

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model.objects.all()
        return self.model.objects.none()
