"""A territory's accounts (the « Comptes » screens): who manages them, what the list shows,
and role changes and deactivations that never reach beyond the territory."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from territories.members import administered_territories, territory_accounts
from territories.models import Territory
from territories.permissions import network_group_name
from testing import make_territory, make_user, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    return make_territory(name="Communauté d'essai des comptes")


@pytest.fixture
def administrator(territory):
    return user_in(territory.administrators, email="directrice@example.org", first_name="Léa")


def accounts_url(territory, *parts):
    return "/admin/territory-accounts/" + "/".join(str(p) for p in (territory.pk, *parts)) + "/"


def memberships(user):
    user.refresh_from_db()
    return set(user.groups.values_list("name", flat=True)), user.is_superuser, user.is_staff


def test_who_administers_which_territory(territory, administrator, pau):
    network = make_user(None, "network")
    superuser = get_user_model().objects.create_superuser("racine", "r@example.org", "x")

    assert list(administered_territories(administrator)) == [territory]
    assert set(administered_territories(superuser)) == set(Territory.objects.all())
    assert not administered_territories(network).exists()
    assert not administered_territories(make_user(territory, "publisher")).exists()
    administrator.is_active = False
    assert not administered_territories(administrator).exists()


def test_the_list_shows_the_territory_s_accounts_only(client, territory, administrator, pau):
    editor = make_user(territory, "editor", email="redactrice@example.org")
    stranger = make_user(pau, "publisher", email="pau-only@example.org")
    network = make_user(None, "network", email="reseau@example.org")
    network.groups.add(territory.editors)  # in the network group: not the territory's to manage
    superuser = get_user_model().objects.create_superuser("racine", "racine@example.org", "x")
    superuser.groups.add(territory.publishers)
    client.force_login(administrator)

    response = client.get(accounts_url(territory))

    assert response.status_code == 200
    body = response.content.decode()
    assert "redactrice@example.org" in body and "directrice@example.org" in body
    for hidden in ("pau-only@example.org", "reseau@example.org", "racine@example.org"):
        assert hidden not in body
    listed = {row["account"] for row in response.context["rows"]}
    assert listed == {editor, administrator}
    assert stranger not in set(territory_accounts(territory))


def test_the_list_costs_the_same_queries_with_more_accounts(client, territory, administrator):
    client.force_login(administrator)
    make_user(territory, "editor")
    client.get(accounts_url(territory))
    with CaptureQueriesContext(connection) as before:
        client.get(accounts_url(territory))
    for role in ("editor", "publisher", "editor", "publisher", "editor"):
        make_user(territory, role)
    with CaptureQueriesContext(connection) as after:
        response = client.get(accounts_url(territory))
    assert len(response.context["rows"]) == 7
    assert len(after) == len(before)


def test_the_menu_and_screens_are_for_administrators(client, territory, administrator):
    client.force_login(make_user(territory, "publisher"))
    assert "territory-accounts" not in client.get("/admin/").content.decode()
    assert client.get("/admin/territory-accounts/").status_code == 404
    assert client.get(accounts_url(territory)).status_code == 404
    assert client.get(accounts_url(territory, "invite")).status_code == 404

    client.force_login(administrator)
    assert "/admin/territory-accounts/" in client.get("/admin/").content.decode()
    # The administrator of one territory goes straight to it.
    response = client.get("/admin/territory-accounts/")
    assert response.status_code == 302 and response["Location"] == accounts_url(territory)


def test_a_superuser_picks_the_territory(admin_client, territory):
    response = admin_client.get("/admin/territory-accounts/")
    assert response.status_code == 200
    assert accounts_url(territory) in response.content.decode()
    assert admin_client.get(accounts_url(territory)).status_code == 200


def test_role_changes_stay_within_the_territory(client, territory, administrator, pau):
    member = make_user(territory, "editor")
    member.groups.add(pau.editors)
    network = Group.objects.get(name=network_group_name())
    client.force_login(administrator)

    response = client.post(
        accounts_url(territory, member.pk, "roles"),
        {
            "roles": ["publishing", "superuser"],
            # What a hand-made request might add: none of it is read.
            "groups": [pau.publishers.pk, network.pk],
            "is_superuser": "on",
            "is_staff": "on",
            "user": administrator.pk,
        },
    )
    assert response.status_code == 200  # an unknown role: refused as a whole
    assert memberships(member) == ({territory.editors.name, pau.editors.name}, False, False)

    response = client.post(
        accounts_url(territory, member.pk, "roles"),
        {"roles": ["publishing"], "groups": [pau.publishers.pk], "is_superuser": "on"},
    )

    assert response.status_code == 302
    assert memberships(member) == ({territory.publishers.name, pau.editors.name}, False, False)
    assert memberships(administrator) == ({territory.administrators.name}, False, False)
    entry = ModelLogEntry.objects.filter(action="territories.set_roles").latest("timestamp")
    assert entry.user_id == administrator.pk and entry.object_id == str(territory.pk)
    assert entry.data["roles"] == ["publishing"]


def test_other_accounts_are_out_of_reach(client, territory, administrator, pau):
    strangers = [
        make_user(pau, "editor"),
        make_user(None, "network"),
        get_user_model().objects.create_superuser("racine", "racine@example.org", "x"),
    ]
    client.force_login(administrator)
    for stranger in strangers:
        before = memberships(stranger), stranger.is_active
        for action, data in (("roles", {"roles": ["editing"]}), ("deactivate", {})):
            assert client.get(accounts_url(territory, stranger.pk, action)).status_code == 404
            assert (
                client.post(accounts_url(territory, stranger.pk, action), data).status_code == 404
            )
        stranger.refresh_from_db()
        assert (memberships(stranger), stranger.is_active) == before
    # Another territory's screens, with its own accounts: not found.
    assert client.get(accounts_url(pau)).status_code == 404
    assert client.post(accounts_url(pau, strangers[0].pk, "deactivate")).status_code == 404
    strangers[0].refresh_from_db()
    assert strangers[0].is_active


def test_an_administrator_keeps_their_role_and_the_territory_keeps_one(
    client, territory, administrator
):
    client.force_login(administrator)
    response = client.post(accounts_url(territory, administrator.pk, "roles"), {"roles": []})
    assert response.status_code == 200 and response.context["form"].errors
    assert territory.administrators in administrator.groups.all()

    # A second administrator may not remove the last active one either… once alone.
    second = user_in(territory.administrators)
    client.force_login(second)
    assert (
        client.post(
            accounts_url(territory, administrator.pk, "roles"), {"roles": ["editing"]}
        ).status_code
        == 302
    )
    assert set(administrator.groups.all()) == {territory.editors}
    client.force_login(get_user_model().objects.create_superuser("racine", "r@example.org", "x"))
    response = client.post(accounts_url(territory, second.pk, "roles"), {"roles": ["editing"]})
    assert response.status_code == 200 and response.context["form"].errors
    assert territory.administrators in second.groups.all()


def test_deactivation_rules(client, territory, administrator, pau):
    member = make_user(territory, "editor", email="partante@example.org")
    shared = make_user(territory, "publisher")
    shared.groups.add(pau.editors)
    client.force_login(administrator)

    # Oneself: refused.
    client.post(accounts_url(territory, administrator.pk, "deactivate"))
    administrator.refresh_from_db()
    assert administrator.is_active
    # An account that another territory also uses: refused (remove its roles here instead).
    response = client.post(accounts_url(territory, shared.pk, "deactivate"), follow=True)
    shared.refresh_from_db()
    assert shared.is_active
    assert any(m.level_tag == "error" for m in response.context["messages"])

    assert client.post(accounts_url(territory, member.pk, "deactivate")).status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    assert set(member.groups.all()) == {territory.editors}  # kept, for a reactivation
    listing = client.get(accounts_url(territory))
    assert member in {row["account"] for row in listing.context["rows"]}
    client.logout()
    signing_in = client.post("/admin/login/", {"username": member.username, "password": "x"})
    assert signing_in.status_code == 200  # the form again, not the dashboard

    client.force_login(administrator)
    assert client.post(accounts_url(territory, member.pk, "reactivate")).status_code == 302
    member.refresh_from_db()
    assert member.is_active
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(territory.pk)).values_list("action", flat=True)
    )
    assert {"territories.deactivate", "territories.reactivate"} <= actions


def test_the_site_history_shows_who_did_what(client, admin_client, territory, administrator):
    member = make_user(territory, "editor", email="historique@example.org")
    client.force_login(administrator)
    client.post(accounts_url(territory, member.pk, "roles"), {"roles": ["publishing"]})

    history = admin_client.get("/admin/reports/site-history/").content.decode()

    assert "historique@example.org" in history


def test_a_network_lockout_is_the_network_s_to_lift(client, admin_client, territory, administrator):
    member = make_user(territory, "editor", email="bloquee@example.org")
    # Deactivated by the network in Wagtail's users screen.
    response = admin_client.post(
        f"/admin/users/edit/{member.pk}/",
        {
            "username": member.username,
            "email": member.email,
            "first_name": "Bloquée",
            "last_name": "Parlereseau",
            "groups": [territory.editors.pk],
            # is_active left out: unchecked.
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    member.refresh_from_db()
    assert not member.is_active
    client.force_login(administrator)

    response = client.post(accounts_url(territory, member.pk, "reactivate"), follow=True)

    member.refresh_from_db()
    assert not member.is_active
    assert any(m.level_tag == "error" for m in response.context["messages"])
    assert not ModelLogEntry.objects.filter(action="territories.reactivate").exists()
    # A superuser may, from the territory's screen.
    assert admin_client.post(accounts_url(territory, member.pk, "reactivate")).status_code == 302
    member.refresh_from_db()
    assert member.is_active


def test_a_lockout_by_another_territory_or_reactivated_since_is_not_this_one_s(
    client, territory, administrator
):
    member = make_user(territory, "editor", email="tournante@example.org")
    client.force_login(administrator)
    client.post(accounts_url(territory, member.pk, "deactivate"))
    # The network reactivates, then deactivates again by hand (no territory's log).
    superuser = get_user_model().objects.create_superuser("racine", "r@example.org", "x")
    client.force_login(superuser)
    assert client.post(accounts_url(territory, member.pk, "reactivate")).status_code == 302
    type(member).objects.filter(pk=member.pk).update(is_active=False)

    client.force_login(administrator)
    client.post(accounts_url(territory, member.pk, "reactivate"))

    member.refresh_from_db()
    assert not member.is_active
