"""Parent/child rules: editors can only build a sensible tree."""

import pytest
from wagtail.models import Page

from home.models import ContentPage
from hub.models import NetworkHomePage
from irritants.models import CallForIrritantsPage, CallIndexPage
from projects.models import NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage, ResultsPage
from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db


def var_section(page_class):
    home = TerritoryHomePage.objects.get(slug="var")
    return page_class.objects.child_of(home).get()


@pytest.mark.parametrize(
    "page_class, parent_class, allowed",
    [
        (ProjectPage, NewsIndexPage, False),
        (ProjectPage, ProjectIndexPage, True),
        (NewsPage, ProjectIndexPage, False),
        (NewsPage, NewsIndexPage, True),
        (CallForIrritantsPage, NewsIndexPage, False),
        (CallForIrritantsPage, CallIndexPage, True),
        (ContentPage, NewsIndexPage, False),
        (ResultsPage, TerritoryHomePage, False),  # one per territory, already there
        (ProjectIndexPage, TerritoryHomePage, False),  # one per territory, already there
    ],
)
def test_page_type_can_only_be_created_under_its_parent_type(page_class, parent_class, allowed):
    if parent_class is TerritoryHomePage:
        parent = TerritoryHomePage.objects.get(slug="var")
    else:
        parent = var_section(parent_class)

    assert page_class.can_create_at(parent) is allowed


def test_territory_home_only_under_the_tree_root():
    assert TerritoryHomePage.can_create_at(Page.get_first_root_node())
    assert not TerritoryHomePage.can_create_at(NetworkHomePage.objects.get(alias_of=None))
    assert not TerritoryHomePage.can_create_at(TerritoryHomePage.objects.get(slug="pau"))


def test_only_one_network_hub():
    assert not NetworkHomePage.can_create_at(Page.get_first_root_node())


def test_admin_refuses_a_project_under_a_news_index(admin_client):
    news_index = var_section(NewsIndexPage)

    url = f"/admin/pages/add/projects/projectpage/{news_index.pk}/"

    # Wagtail answers a forbidden page type by sending the editor back to the dashboard.
    assert admin_client.get(url)["Location"] == "/admin/"
    response = admin_client.post(url, {"title": "Intrus", "slug": "intrus"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not ProjectPage.objects.filter(slug="intrus").exists()


def test_admin_offers_only_content_pages_under_a_complete_territory(admin_client):
    # Every section of a territory exists once: a generic content page is all that is left.
    home = TerritoryHomePage.objects.get(slug="var")

    response = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/add/home/contentpage/{home.pk}/"
