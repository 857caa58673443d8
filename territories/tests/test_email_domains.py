"""A territory's agents' email domains: the only addresses its irritant form accepts, set
on its identity screen by its own team."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from irritants.models import Irritant
from irritants.tests.helpers import get, post
from territories.email_domains import address_allowed, normalise_domains
from territories.models import TerritorySettings
from testing import irritant_data, make_territory, make_user, open_call
from testing.forms import identity_form_data

pytestmark = pytest.mark.django_db


def settings_url(territory):
    return f"/admin/settings/territories/territorysettings/{territory.site_id}/"


def set_domains(territory, text):
    identity = TerritorySettings.for_site(territory.site)
    identity.agent_email_domains = text
    identity.full_clean()
    identity.save()
    return identity


def test_a_list_is_normalised_one_domain_a_line():
    typed = " Var.FR, departement83.fr;\n@social.var.fr.\nvar.fr  mairie-orléans.fr"
    assert normalise_domains(typed) == (
        "var.fr\ndepartement83.fr\nsocial.var.fr\nmairie-orléans.fr"
    )
    assert normalise_domains("") == ""


@pytest.mark.parametrize("typed", ["var", "agent@var.fr", "var..fr", "-var.fr", "var_83.fr"])
def test_what_is_not_a_domain_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_domains(f"departement83.fr, {typed}")


@pytest.mark.parametrize(
    "email, allowed",
    [
        ("agent@var.fr", True),
        ("Agent@VAR.FR", True),
        ("agent@social.var.fr", True),  # a department's subdomain
        ("agent@departement83.fr", True),
        ("agent@evilvar.fr", False),  # ends like it, is not it
        ("agent@var.fr.example.com", False),
        ("agent@example.org", False),
        ("agent@mairie-orléans.fr", True),
        ("agent@xn--mairie-orlans-khb.fr", True),  # the same domain, in its ASCII form
        ("", False),
    ],
)
def test_an_address_is_allowed_at_a_domain_or_below(email, allowed):
    domains = ["var.fr", "departement83.fr", "mairie-orléans.fr"]
    assert address_allowed(email, domains) is allowed


def test_without_domains_any_address_is_allowed():
    assert address_allowed("anyone@example.org", [])


# The public form ----------------------------------------------------------------------


@pytest.fixture
def territory():
    territory = make_territory()
    set_domains(territory, "var.fr, departement83.fr")
    return territory


@pytest.fixture
def call(territory):
    return open_call(territory)


def test_the_form_refuses_a_strangers_address_and_keeps_what_was_typed(client, call):
    data = irritant_data(submitter_email="someone@example.org", title="Un irritant à garder")
    response = post(client, call, data)
    assert response.status_code == 400
    assert not Irritant.objects.filter(territory__site=call.get_site()).exists()
    assert mail.outbox == []  # nothing was sent to the stranger
    page = response.content.decode()
    assert "Un irritant à garder" in page and "someone@example.org" in page
    # The message names the accepted domains.
    assert "@var.fr" in page and "@departement83.fr" in page
    assert response.context["form"].errors["submitter_email"]


@pytest.mark.parametrize("email", ["camille.martin@var.fr", "camille.martin@social.var.fr"])
def test_the_form_accepts_an_agents_address(client, call, email):
    response = post(client, call, irritant_data(submitter_email=email))
    assert response.status_code == 302
    assert Irritant.objects.get(territory__site=call.get_site()).submitter_email == email


def test_the_form_says_which_addresses_it_takes(client, call):
    page = get(client, call).content.decode()
    assert "@var.fr" in page and "@departement83.fr" in page


def test_the_form_shows_its_territorys_new_terms_at_once(client, call, territory):
    """What the form promises is read afresh for each visitor."""
    assert "@var.fr" in get(client, call).content.decode()

    identity = set_domains(territory, "nouveau.fr")
    identity.irritant_retention_months = 7
    identity.save()

    form = get(client, call).context["form"]
    assert form.email_domains == ["nouveau.fr"]
    assert "7" in str(form.fields["consent"].help_text)


def test_another_territorys_domains_do_not_count(client, call):
    other = make_territory()
    set_domains(other, "pau.fr")
    assert post(client, call, irritant_data(submitter_email="a@pau.fr")).status_code == 400
    assert (
        post(client, open_call(other), irritant_data(submitter_email="a@pau.fr")).status_code == 302
    )


# The identity screen ------------------------------------------------------------------


def test_the_identity_screen_warns_while_no_domain_is_listed(client):
    territory = make_territory()
    client.force_login(make_user(territory, "administrator"))
    assert "no-email-domain" in client.get(settings_url(territory)).content.decode()
    set_domains(territory, "var.fr")
    assert "no-email-domain" not in client.get(settings_url(territory)).content.decode()


def test_the_team_sets_its_domains_normalised(client):
    territory = make_territory()
    client.force_login(make_user(territory, "administrator"))
    url = settings_url(territory)
    refused = client.post(
        url, identity_form_data(client, url, agent_email_domains="var.fr, exemple..fr")
    )
    assert refused.status_code == 200
    assert "exemple..fr" in refused.context["form"].errors["agent_email_domains"][0]
    assert TerritorySettings.for_site(territory.site).agent_email_domains == ""

    accepted = client.post(
        url, identity_form_data(client, url, agent_email_domains="Var.fr,\n@Social.Var.fr")
    )
    assert accepted.status_code == 302
    identity = TerritorySettings.for_site(territory.site)
    assert identity.email_domains == ["var.fr", "social.var.fr"]


@pytest.mark.parametrize("role", ["administrator", "publisher", "editor"])
def test_no_one_sets_another_territorys_domains(client, role):
    own, other = make_territory(), make_territory()
    set_domains(other, "pau.fr")
    own_url, other_url = settings_url(own), settings_url(other)
    client.force_login(make_user(own, "administrator"))
    data = identity_form_data(client, own_url, agent_email_domains="attacker.example")
    client.force_login(make_user(own, role))
    # The other territory's site in the URL, and in the body too.
    data["site"] = other.site_id
    assert client.get(other_url).status_code in (302, 403, 404)
    response = client.post(other_url, data)
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert not response["Location"].endswith(other_url)
    assert TerritorySettings.for_site(other.site).agent_email_domains == "pau.fr"
