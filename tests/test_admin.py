"""The Wagtail admin opens every page type and the site identity settings; every page type says
where it lives, and a territory's editor can reach each one."""

import pytest
from wagtail.models import Page, Site, get_page_models

from home.models import SiteHomePage
from territories.models import TerritoryHomePage
from territories.services import standard_sections
from testing import make_news, make_project, make_territory, make_user, open_call

pytestmark = pytest.mark.django_db


def page_types():
    return [model for model in get_page_models() if model is not Page]


def add_url(page_class, parent):
    meta = page_class._meta
    return f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"


def offered_below(roots):
    """Every page type an editor can add, starting from ``roots`` and going down."""
    found, todo = set(roots), list(roots)
    while todo:
        for child in todo.pop().creatable_subpage_models():
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def test_every_page_type_declares_where_it_may_live():
    for model in page_types():
        assert getattr(model, "parent_page_types", None), model.__name__


def test_every_page_type_can_be_added_below_a_site_home():
    # A site's home page is made with its site (a territory's by create_territory); everything
    # else must be offered somewhere below one, or no editor could ever create it.
    homes = [model for model in page_types() if issubclass(model, SiteHomePage)]
    creatable = {model for model in page_types() if model.is_creatable}

    assert creatable <= offered_below(homes)


def test_a_territory_editor_opens_the_add_form_of_every_type_its_pages_allow(client):
    territory = make_territory()
    make_project(territory)
    client.force_login(make_user(territory, "editor"))

    parents = territory.home.get_descendants(inclusive=True).filter(locale=territory.home.locale)
    for parent in parents.specific():
        for page_class in parent.specific_class.creatable_subpage_models():
            if page_class.can_create_at(parent):
                url = add_url(page_class, parent)
                assert client.get(url).status_code == 200, url


def test_a_territory_editor_opens_the_edit_form_of_each_page_of_a_new_territory(client):
    territory = make_territory()
    project = make_project(territory)
    make_news(territory, projects=[project])
    open_call(territory)
    client.force_login(make_user(territory, "editor"))

    pages = territory.home.get_descendants(inclusive=True).filter(locale=territory.home.locale)
    assert {page.specific_class for page in pages} >= {TerritoryHomePage, type(project)}
    for page in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.specific_class.__name__


def test_edit_and_add_views_of_every_page_type_in_the_demo_open(admin_client):
    pages = {}
    for page in Page.objects.filter(depth__gte=2).specific():
        pages.setdefault(type(page), page)
    # Each territory opens with its standard sections: the demo holds at least those.
    assert {TerritoryHomePage, *standard_sections()} <= set(pages)

    for page_class, page in pages.items():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page_class.__name__
        for child_class in page_class.creatable_subpage_models():
            if child_class.can_create_at(page):
                url = add_url(child_class, page)
                assert admin_client.get(url).status_code == 200, url


def test_site_identity_settings_open_for_every_site(admin_client):
    for site in Site.objects.all():
        response = admin_client.get(f"/admin/settings/territories/territorysettings/{site.pk}/")
        assert response.status_code == 200, site.hostname


def test_admin_speaks_french(admin_client):
    response = admin_client.get("/admin/")
    assert 'lang="fr"' in response.content.decode()
    assert "Tableau de bord" in response.content.decode()
