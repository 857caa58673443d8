"""Opening a territory creates its whole editorial space at once, or nothing at all."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
    Workflow,
)

from territories import services
from territories.models import Territory, TerritoryHomePage, TerritorySettings
from territories.services import TerritorySpec, create_territory
from testing import user_in

pytestmark = pytest.mark.django_db

CALVADOS = dict(
    name="Département du Calvados", slug="calvados", hostname="calvados.localhost", port=8000
)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Site, Collection, Group, Workflow, Territory, TerritorySettings)
    }


def test_create_territory_opens_a_site_with_the_standard_sections(client):
    territory = create_territory(TerritorySpec(**CALVADOS))
    home = territory.home

    site = Site.objects.get(hostname="calvados.localhost")
    assert territory.site == site and site.root_page_id == home.pk
    assert TerritorySettings.for_site(site).display_name == "Département du Calvados"
    # Which sections, in which order: test_page_types.py, from the page types' declarations.
    children = [page.specific_class for page in home.get_children()]
    assert children == services.standard_sections()
    # The site starts in preparation (test_preparation.py): its members see it, and every
    # section but those that start empty (the about page, a draft).
    assert not territory.is_launched
    client.force_login(user_in(territory.editors))
    response = client.get("/", HTTP_HOST="calvados.localhost")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
    for section in children:
        path = f"/{section.standard_section.slug}/"
        expected = 404 if issubclass(section, services.DRAFT_UNTIL_WRITTEN) else 200
        assert client.get(path, HTTP_HOST="calvados.localhost").status_code == expected, path


def test_create_territory_opens_its_editorial_space():
    territory = create_territory(TerritorySpec(**CALVADOS))

    assert territory.collection.name == "Département du Calvados"
    assert territory.collection.get_parent() == Collection.get_first_root_node()
    assert territory.editors.name == "Département du Calvados — Rédaction"
    assert territory.publishers.name == "Département du Calvados — Publication"

    english = Locale.objects.get(language_code="en")
    translation = territory.home.get_translation(english)
    assert translation.live
    assert set(territory.pages().filter(depth=2)) == {territory.home.page_ptr, translation.page_ptr}

    def page_codenames(group, page):
        return set(
            GroupPagePermission.objects.filter(group=group, page=page).values_list(
                "permission__codename", flat=True
            )
        )

    for home in (territory.home, translation):
        assert page_codenames(territory.editors, home) == {"add_page", "change_page"}
        assert page_codenames(territory.publishers, home) == {
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        }
    editor_media = set(
        GroupCollectionPermission.objects.filter(
            group=territory.editors, collection=territory.collection
        ).values_list("permission__codename", flat=True)
    )
    assert editor_media == {"add_image", "choose_image", "add_document", "choose_document"}
    assert (
        GroupSitePermission.objects.filter(group=territory.publishers, site=territory.site)
        .values_list("permission__codename", flat=True)
        .get()
        == "change_territorysettings"
    )
    assert not GroupSitePermission.objects.filter(group=territory.editors).exists()

    workflow = territory.workflow
    assert workflow.active
    assert set(workflow.workflow_pages.values_list("page_id", flat=True)) == {
        territory.home.pk,
        translation.pk,
    }
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [territory.publishers]
    assert territory.home.get_workflow() == workflow


def test_a_failure_half_way_leaves_nothing_behind(monkeypatch):
    before = counts()

    def failing_workflow(*args, **kwargs):
        raise RuntimeError("workflow tables unavailable")

    # The workflow is created after the pages, site, settings, collection and groups.
    monkeypatch.setattr(services, "create_workflow", failing_workflow)
    with pytest.raises(RuntimeError):
        create_territory(TerritorySpec(**CALVADOS))

    assert counts() == before
    assert not TerritoryHomePage.objects.filter(slug="calvados").exists()
    assert not Group.objects.filter(name__startswith="Département du Calvados").exists()
