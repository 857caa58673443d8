"""wagtail-localize runs on this Wagtail: a territory page can be sent for translation."""

import pytest
from wagtail.models import Locale

from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db


def test_a_territory_home_page_can_be_submitted_for_english_translation(admin_client):
    english = Locale.objects.create(language_code="en")
    home = TerritoryHomePage.objects.get(slug="var")

    form = admin_client.get(f"/admin/localize/submit/page/{home.pk}/")
    assert form.status_code == 200
    response = admin_client.post(
        f"/admin/localize/submit/page/{home.pk}/", {"locales": [english.pk]}
    )

    assert response.status_code == 302
    translation = TerritoryHomePage.objects.get(
        locale=english, translation_key=home.translation_key
    )
    assert translation.title == home.title  # a copy to translate, until a translator edits it
    # The translation opens in wagtail-localize's editor.
    assert admin_client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200
