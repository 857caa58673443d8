"""The identity's footer and social link texts in another language: given on the identity
screen's « In other languages » rows, shown on the pages in that language."""

import pytest
from django.core.exceptions import ValidationError

from territories.link_labels import parse_link_labels
from territories.models import TerritorySettings, TerritorySettingsTranslation
from testing import make_user
from testing.forms import identity_form_data

pytestmark = pytest.mark.django_db

HOST = "var.localhost"


def settings_url(territory):
    return f"/admin/settings/territories/territorysettings/{territory.site_id}/"


def identity_form(client, url, link_labels):
    """The identity screen's form as its editor sees it, with an English row whose link
    texts are ``link_labels``; the links themselves sent back unchanged."""
    identity = client.get(url).context["form"].instance
    english = identity.translations.get(language="en")  # the demo's, edited in place
    return identity_form_data(
        client,
        url,
        social_links=[(child.block_type, dict(child.value)) for child in identity.social_links],
        footer_links=[
            (
                child.block_type,
                {
                    "label": child.value["label"],
                    "page": child.value["page"].pk if child.value["page"] else "",
                    "url": child.value["url"],
                },
            )
            for child in identity.footer_links
        ],
        translations=[
            {
                "id": english.pk,
                "language": "en",
                "display_name": "Var",
                "footer_text": "Hello from Var.",
                "link_labels": link_labels,
            }
        ],
    )


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_parsing_keeps_each_french_text_with_its_translation():
    assert parse_link_labels(" Qui sommes-nous ? = Who we are \n\n  LinkedIn=LinkedIn ") == {
        "Qui sommes-nous ?": "Who we are",
        "LinkedIn": "LinkedIn",
    }
    # The translation may itself hold « = »: only the first one separates.
    assert parse_link_labels("Calcul = a = b") == {"Calcul": "a = b"}
    assert parse_link_labels("") == {}


def test_a_line_without_its_two_sides_is_refused():
    row = TerritorySettingsTranslation(
        identity=TerritorySettings.objects.first(), language="en", link_labels="Qui ? Who?"
    )
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "link_labels" in error.value.message_dict
    row.link_labels = " = Who we are"
    with pytest.raises(ValidationError):
        row.full_clean()


def test_english_pages_show_the_english_link_texts_and_french_pages_the_french(client, var):
    identity = TerritorySettings.for_site(var.site)
    TerritorySettingsTranslation.objects.filter(identity=identity, language="en").update(
        link_labels="Qui sommes-nous ? = Who we are\nMastodon = Mastodon (fediverse)"
    )

    english = footer(client.get("/en/", HTTP_HOST=HOST))
    french = footer(client.get("/", HTTP_HOST=HOST))

    assert ">Who we are</a>" in english and "Qui sommes-nous" not in english
    assert ">Mastodon (fediverse)</a>" in english
    # A link without its English text keeps its own.
    assert ">Signaler un irritant</a>" in english and ">LinkedIn</a>" in english
    assert ">Qui sommes-nous ?</a>" in french and "Who we are" not in french
    assert ">Mastodon</a>" in french and "fediverse" not in french


def test_the_demo_gives_its_footer_links_in_english(client):
    english = footer(client.get("/en/", HTTP_HOST=HOST))
    assert "Qui sommes-nous" not in english and "Signaler un irritant" not in english


def test_the_territory_fills_its_english_link_texts_on_its_identity_screen(client, var):
    client.force_login(make_user(var, "publisher"))
    url = settings_url(var)

    response = client.post(url, identity_form(client, url, "Qui sommes-nous ? = About the lab"))

    assert response.status_code == 302, response.content.decode()[:3000]
    row = TerritorySettingsTranslation.objects.get(identity__site=var.site, language="en")
    assert row.link_labels == "Qui sommes-nous ? = About the lab"
    assert ">About the lab</a>" in footer(client.get("/en/", HTTP_HOST=HOST))


def test_a_malformed_line_is_refused_and_nothing_is_lost(client, var):
    client.force_login(make_user(var, "publisher"))
    url = settings_url(var)
    before = list(TerritorySettingsTranslation.objects.filter(identity__site=var.site).values())

    response = client.post(url, identity_form(client, url, "Qui sommes-nous ? About the lab"))

    assert response.status_code == 200
    errors = response.context["form"].formsets["translations"].forms[0].errors
    assert list(errors) == ["link_labels"]
    assert "Qui sommes-nous ? About the lab" in response.content.decode()  # kept in the form
    assert (
        list(TerritorySettingsTranslation.objects.filter(identity__site=var.site).values())
        == before
    )


def test_another_territory_cannot_set_them(client, var, pau):
    """Pau's publisher, on Var's identity screen, GET and POST: refused, nothing changes."""
    client.force_login(make_user(var, "publisher"))
    url = settings_url(var)
    data = identity_form(client, url, "Qui sommes-nous ? = Pirate")
    client.logout()
    before = list(TerritorySettingsTranslation.objects.values())
    client.force_login(make_user(pau, "publisher"))

    assert client.get(url).status_code in (302, 403, 404)
    response = client.post(url, data)

    assert response.status_code in (302, 403, 404)
    assert list(TerritorySettingsTranslation.objects.values()) == before
    assert "Pirate" not in footer(client.get("/en/", HTTP_HOST=HOST))
