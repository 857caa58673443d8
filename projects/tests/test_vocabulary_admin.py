"""The network's themes and user types have an admin screen, where network administrators
translate them with wagtail-localize; nobody else reaches them, nor wagtail-localize's
submission of them for translation (territories/middleware.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from projects.models import Theme, UserType
from testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser(
        username="reseau-admin", email="admin@example.org", password="x"
    )


def submit_url(term):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[term._meta.app_label, term._meta.model_name, term.pk],
    )


@pytest.mark.parametrize("model", [Theme, UserType])
def test_a_network_administrator_lists_edits_and_translates_the_terms(
    client, superuser, english, model
):
    client.force_login(superuser)
    term = model.objects.create(name="Terme témoin", slug="terme-temoin")
    listing = reverse(f"wagtailsnippets_projects_{model._meta.model_name}:list")

    response = client.get(listing)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Terme témoin" in html
    assert submit_url(term) in html  # wagtail-localize's « Traduire »
    edit = reverse(f"wagtailsnippets_projects_{model._meta.model_name}:edit", args=[term.pk])
    assert client.get(edit).status_code == 200

    response = client.post(submit_url(term), {"locales": [english.pk]})

    assert response.status_code == 302
    translation = term.get_translation(english)
    assert translation.slug == "terme-temoin"
    # The English row's screen names it by its own name, not the French one.
    translation.name = "Sample term"
    translation.save()
    response = client.get(
        reverse(f"wagtailsnippets_projects_{model._meta.model_name}:edit", args=[translation.pk])
    )
    assert response.status_code == 200
    assert str(model.objects.get(pk=translation.pk)) == "Sample term"


@pytest.mark.parametrize("role", ["editor", "publisher", "administrator"])
@pytest.mark.parametrize("model", [Theme, UserType])
def test_a_territory_account_cannot_translate_network_terms(client, var, english, role, model):
    """As an attacker would: the submission URL typed by hand, GET and POST."""
    term = model.objects.create(name="Terme témoin", slug="terme-temoin")
    client.force_login(make_user(var, role))
    before = model.objects.count()

    assert client.get(submit_url(term)).status_code in (302, 403, 404)
    response = client.post(submit_url(term), {"locales": [english.pk]})

    assert response.status_code in (302, 403, 404)
    assert model.objects.count() == before
    assert not model.objects.filter(translation_key=term.translation_key, locale=english).exists()
    listing = reverse(f"wagtailsnippets_projects_{model._meta.model_name}:list")
    assert client.get(listing).status_code in (302, 403)


def test_the_network_team_without_the_term_permissions_cannot_either(client, english):
    term = Theme.objects.create(name="Terme témoin", slug="terme-temoin")
    client.force_login(make_user(None, "network"))

    response = client.post(submit_url(term), {"locales": [english.pk]})

    assert response.status_code in (302, 403, 404)
    assert not Theme.objects.filter(translation_key=term.translation_key, locale=english).exists()
