"""A territory's colour, logo and footer links: set in its settings, shown at once, never
unreadable."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from territories.branding import contrast_ratio, validate_primary_color
from territories.models import Territory, TerritorySettings

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


def settings_form_data(client, url, **changes):
    form = client.get(url).context["form"]
    data = {
        name: form.initial[name]
        for name in (
            "display_name",
            "primary_color",
            "contact_email",
            "footer_text",
            "irritant_retention_months",
        )
    }
    data.update(changes)
    data.update(
        nested_form_data(
            {
                "social_links": streamfield([]),
                "footer_links": streamfield(changes.pop("footer_links", [])),
                "translations": inline_formset([]),
            }
        )
    )
    return data


@pytest.fixture
def var_publisher(client):
    var = Territory.objects.get(slug="var")
    publisher = get_user_model().objects.create_user(username="publication-var", password="x")
    publisher.groups.add(var.publishers)
    client.force_login(publisher)
    return var


def test_a_publisher_changes_the_colour_without_a_deploy(client, var_publisher):
    url = f"/admin/settings/territories/territorysettings/{var_publisher.site_id}/"

    refused = client.post(url, settings_form_data(client, url, primary_color="#ffcc00"))
    assert refused.status_code == 200
    assert "1,51:1" in refused.content.decode() and "4,5:1" in refused.content.decode()
    assert TerritorySettings.for_site(var_publisher.site).primary_color == "#00607a"

    accepted = client.post(url, settings_form_data(client, url, primary_color="#5b2a86"))
    assert accepted.status_code == 302
    client.logout()
    page = client.get("/", HTTP_HOST="var.localhost").content.decode()
    assert "--color-primary: #5b2a86;" in page


def test_footer_links_lead_to_live_pages_only(client, var_publisher):
    about = var_publisher.home.get_children().get(slug="a-propos")
    page = client.get("/", HTTP_HOST="var.localhost").content.decode()
    assert '<a href="/a-propos/">Qui sommes-nous ?</a>' in page

    about.unpublish()
    page = client.get("/", HTTP_HOST="var.localhost").content.decode()
    assert "Qui sommes-nous ?" not in page
    assert '<a href="/appels/">Signaler un irritant</a>' in page


def test_every_territory_shows_its_own_logo_colour_and_the_way_to_the_hub(client):
    seen_colours = set()
    for territory in Territory.objects.select_related("site"):
        settings = TerritorySettings.for_site(territory.site)
        page = client.get("/", HTTP_HOST=territory.site.hostname).content.decode()
        assert f"--color-primary: {settings.primary_color};" in page
        assert 'type="image/webp"' in page and 'class="brand__logo"' in page
        assert '<a href="http://localhost:8000">' in page
        seen_colours.add(settings.primary_color)
    assert len(seen_colours) == 4
