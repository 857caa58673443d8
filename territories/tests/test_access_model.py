"""The access model (territories/permissions.py): declared once, applied to every territory
when it opens and after every migrate; Wagtail's own groups are gone."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow

from territories.acting import may_publish
from territories.models import Territory
from territories.permissions import (
    EDITING,
    PUBLISHING,
    network_group_name,
    reviewers_of,
)
from testing import make_territory, make_user

pytestmark = pytest.mark.django_db


def page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_wagtail_default_groups_are_gone_and_not_offered(admin_client):
    territory = make_territory()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    html = admin_client.get("/admin/users/new/").content.decode()
    assert "Moderators" not in html and "Editors" not in html
    assert f"{territory.name} — Rédaction" in html


def test_every_territory_holds_exactly_its_declared_roles():
    make_territory()
    for territory in Territory.objects.all():
        for home in territory.home.get_translations(inclusive=True):
            assert page_codenames(territory.editors, home) == set(EDITING.page)
            assert page_codenames(territory.publishers, home) == set(PUBLISHING.page)
        # Nothing anywhere else in the tree.
        assert (
            not GroupPagePermission.objects.filter(
                group__in=[territory.editors, territory.publishers]
            )
            .exclude(page__in=territory.home.get_translations(inclusive=True))
            .exists()
        )


def test_migrate_restores_the_declared_roles(django_capture_on_commit_callbacks):
    territory = make_territory()
    # A grant added by hand to Rédaction: publishing, and rights on the hub.
    hub = Page.objects.get(
        depth=2, locale__language_code="fr", sites_rooted_here__is_default_site=True
    )
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(
        group=territory.editors, page=territory.home, permission=publish
    )
    GroupPagePermission.objects.create(group=territory.editors, page=hub, permission=publish)
    territory.workflow.tasks.first().specific.groups.add(territory.editors)

    call_command("migrate", verbosity=0)  # what every deployment runs

    assert page_codenames(territory.editors, territory.home) == set(EDITING.page)
    assert not page_codenames(territory.editors, hub)
    task = territory.workflow.tasks.first().specific
    assert list(task.groups.all()) == [territory.publishers]


def test_the_hub_is_reviewed_by_the_network_group():
    root_workflow = Workflow.objects.get(workflow_pages__page__depth=1)
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=root_workflow)
    assert [group.name for group in task.groups.all()] == [network_group_name()]


def test_one_answer_to_who_reviews_and_who_may_publish_in_a_territory():
    territory = make_territory()
    editor = make_user(territory, "editor")
    publisher = make_user(territory, "publisher")
    other = make_user(make_territory(), "publisher")
    network = make_user(None, "network")
    gone = make_user(territory, "publisher", is_active=False)

    assert set(reviewers_of(territory)) == {publisher}
    # Publishing: the reviewers, and the network group over every territory.
    for user, may in ((editor, False), (publisher, True), (other, False), (network, True)):
        assert may_publish(user, territory.home) is may
    assert not may_publish(gone, territory.home)
