"""Parent/child rules: editors can only build a sensible tree."""

import pytest
from wagtail.models import Locale, Page

from home.models import ContentPage
from hub.models import NetworkHomePage
from irritants.models import CallForIrritantsPage, CallIndexPage
from projects.models import NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage, ResultsPage
from territories.models import TerritoryHomePage
from territories.services import section_of
from testing import make_territory

pytestmark = pytest.mark.django_db


def add_url(page_class, parent):
    meta = page_class._meta
    return f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"


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
    home = make_territory().home
    parent = home if parent_class is TerritoryHomePage else section_of(home, parent_class)

    assert page_class.can_create_at(parent) is allowed


def test_territory_home_only_under_the_tree_root():
    assert TerritoryHomePage.can_create_at(Page.get_first_root_node())
    assert not TerritoryHomePage.can_create_at(
        NetworkHomePage.objects.get(locale=Locale.get_default())
    )
    assert not TerritoryHomePage.can_create_at(make_territory().home)


def test_only_one_network_hub():
    # One per language: the French hub and its English translation.
    assert NetworkHomePage.objects.filter(locale=Locale.get_default()).count() == 1
    assert NetworkHomePage.objects.count() == Locale.objects.count()
    assert not NetworkHomePage.can_create_at(Page.get_first_root_node())


def test_admin_refuses_a_project_under_a_news_index(admin_client):
    news_index = section_of(make_territory().home, NewsIndexPage)
    url = add_url(ProjectPage, news_index)

    # Wagtail answers a forbidden page type by sending the editor back to the dashboard.
    assert admin_client.get(url)["Location"] == "/admin/"
    response = admin_client.post(url, {"title": "Intrus", "slug": "intrus"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not ProjectPage.objects.filter(slug="intrus").exists()


def test_admin_offers_under_a_territory_home_only_the_types_not_yet_at_their_limit(admin_client):
    # Each standard section exists once per territory: what is left is every other page type
    # the home allows (a content page, today).
    home = make_territory().home
    types = TerritoryHomePage.creatable_subpage_models()
    offered = [page_class for page_class in types if page_class.can_create_at(home)]
    assert offered and ResultsPage not in offered and ProjectIndexPage not in offered

    response = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")

    if len(offered) == 1:
        # A single choice is no choice: Wagtail opens its form at once.
        assert response.status_code == 302
        assert response["Location"] == add_url(offered[0], home)
    else:
        html = response.content.decode()
        for page_class in types:
            assert (add_url(page_class, home) in html) is (page_class in offered), page_class
