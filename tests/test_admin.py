"""The Wagtail admin opens every page type and the site identity settings."""

import pytest
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.filter(depth__gte=2).specific():
        pages.setdefault(type(page), page)
    return pages


def test_edit_view_of_every_page_type_opens(admin_client):
    pages = one_page_of_each_type()
    assert len(pages) == 11

    for page_class, page in pages.items():
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page_class.__name__


def test_add_view_of_every_allowed_child_type_opens(admin_client):
    for page in one_page_of_each_type().values():
        for child_class in page.specific_class.creatable_subpage_models():
            if not child_class.can_create_at(page):
                continue
            meta = child_class._meta
            url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{page.pk}/"
            assert admin_client.get(url).status_code == 200, url


def test_site_identity_settings_open_for_every_site(admin_client):
    for site in Site.objects.all():
        response = admin_client.get(f"/admin/settings/territories/territorysettings/{site.pk}/")
        assert response.status_code == 200, site.hostname


def test_admin_speaks_french(admin_client):
    response = admin_client.get("/admin/")
    assert 'lang="fr"' in response.content.decode()
    assert "Tableau de bord" in response.content.decode()
