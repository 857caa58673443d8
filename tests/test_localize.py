"""wagtail-localize runs on this Wagtail: a territory page can be sent for translation."""

import pytest
from wagtail.models import Locale

from home.models import ContentPage
from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db


def test_each_territory_home_page_exists_in_english():
    english = Locale.objects.get(language_code="en")
    for home in TerritoryHomePage.objects.filter(locale=Locale.get_default()):
        assert home.get_translation(english).live


def test_a_territory_page_can_be_submitted_for_english_translation(admin_client):
    english = Locale.objects.get(language_code="en")
    about = ContentPage.objects.get(slug="a-propos", url_path__startswith="/var/")

    form = admin_client.get(f"/admin/localize/submit/page/{about.pk}/")
    assert form.status_code == 200
    response = admin_client.post(
        f"/admin/localize/submit/page/{about.pk}/", {"locales": [english.pk]}
    )

    assert response.status_code == 302
    translation = about.get_translation(english)
    assert translation.title == about.title  # a copy to translate, until a translator edits it
    assert translation.get_parent().specific.locale == english
    # The translation opens in wagtail-localize's editor.
    assert admin_client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200
