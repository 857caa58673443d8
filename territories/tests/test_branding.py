"""A territory's colour, logo and footer links: set in its settings, shown at once, never
unreadable."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Site

from home.models import ContentPage
from irritants.models import CallIndexPage
from territories.branding import contrast_ratio, validate_primary_color
from territories.models import Territory, TerritorySettings
from territories.services import section_of
from testing import make_territory, make_user
from testing.forms import identity_form_data

pytestmark = pytest.mark.django_db


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    # The classic limit: #767676 is the lightest grey that passes on white, #777777 fails.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < 4.5


def test_a_colour_too_light_for_white_text_is_refused_with_its_ratio():
    validate_primary_color("#767676")
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        validate_primary_color("#777777")
    message = error.value.messages[0]
    assert "4,47:1" in message and "4,5:1" in message
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        validate_primary_color("bleu")
    assert "#" in error.value.messages[0]


@pytest.fixture
def territory(client):
    """A new territory, its publisher logged in."""
    territory = make_territory()
    client.force_login(make_user(territory, "publisher"))
    return territory


def home_page(client, territory):
    return client.get("/", HTTP_HOST=territory.site.hostname).content.decode()


def test_a_publisher_changes_the_colour_without_a_deploy(client, territory):
    url = f"/admin/settings/territories/territorysettings/{territory.site_id}/"
    before = TerritorySettings.for_site(territory.site).primary_color

    refused = client.post(url, identity_form_data(client, url, primary_color="#ffcc00"))
    assert refused.status_code == 200
    assert "1,51:1" in refused.content.decode() and "4,5:1" in refused.content.decode()
    assert TerritorySettings.for_site(territory.site).primary_color == before

    accepted = client.post(url, identity_form_data(client, url, primary_color="#5b2a86"))
    assert accepted.status_code == 302
    client.logout()
    assert "--color-primary: #5b2a86;" in home_page(client, territory)


def test_footer_links_lead_to_live_pages_only(client, territory):
    about = section_of(territory.home, ContentPage)
    calls = section_of(territory.home, CallIndexPage)
    settings = TerritorySettings.for_site(territory.site)
    links = [("Qui sommes-nous ?", about), ("Signaler un irritant", calls)]
    settings.footer_links = json.dumps(
        [{"type": "link", "value": {"label": label, "page": page.pk}} for label, page in links]
    )
    settings.save()
    # A new territory's about page starts as a draft: not linked until it is published.
    assert "Qui sommes-nous ?" not in home_page(client, territory)
    about.save_revision().publish()
    about.refresh_from_db()
    assert f'<a href="/{about.slug}/">Qui sommes-nous ?</a>' in home_page(client, territory)

    about.unpublish()

    page = home_page(client, territory)
    assert "Qui sommes-nous ?" not in page
    assert f'<a href="/{calls.slug}/">Signaler un irritant</a>' in page


def test_every_territory_shows_its_own_colour_and_logo_and_the_way_to_the_hub(client):
    for colour in ("#5b2a86", "#1f5e2e"):
        settings = TerritorySettings.for_site(make_territory().site)
        settings.primary_color = colour
        settings.save()
    hub = Site.objects.get(is_default_site=True).root_url

    for territory in Territory.objects.select_related("site"):
        settings = TerritorySettings.for_site(territory.site)
        page = home_page(client, territory)
        assert f"--color-primary: {settings.primary_color};" in page
        if settings.logo:
            assert 'type="image/webp"' in page and 'class="brand__logo"' in page
        assert f'<a href="{hub}">' in page
