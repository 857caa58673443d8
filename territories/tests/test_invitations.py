"""Invitations, end to end over HTTP: sent from the « Comptes » screen by a territory's
administrator, received in the real outbox, accepted once on the public page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from territories.members import hash_token
from territories.models import Invitation
from testing import make_territory, make_user, user_in

pytestmark = pytest.mark.django_db

PASSWORD = "Tournesol-Marin-2026"


@pytest.fixture
def territory():
    return make_territory(name="Communauté d'essai des invitations")


@pytest.fixture
def administrator(territory):
    return user_in(territory.administrators, email="directrice@example.org")


def send(client, administrator, territory, email="nouvelle@example.org", roles=("editing",)):
    client.force_login(administrator)
    response = client.post(
        f"/admin/territory-accounts/{territory.pk}/invite/",
        {"email": email, "first_name": "Nadia", "last_name": "Benali", "roles": list(roles)},
    )
    client.logout()
    return response


def link_in(message):
    match = re.search(r"http://localhost:8000(/invitation/[A-Za-z0-9_-]+/)", message.body)
    assert match, message.body
    return match.group(1)


def accept_new(client, link, password=PASSWORD):
    return client.post(link, {"password1": password, "password2": password})


def test_an_invitation_is_sent_and_accepted_once(client, territory, administrator):
    response = send(client, administrator, territory)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle@example.org"]
    assert territory.name in message.subject
    link = link_in(message)
    assert link in message.alternatives[0][0]  # the HTML part has the same link
    invitation = Invitation.objects.get(territory=territory)
    # Only the token's hash is stored.
    token = link.split("/")[2]
    assert invitation.token_hash == hash_token(token) and token not in invitation.token_hash
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=7)).seconds < 5

    page = client.get(link)
    assert page.status_code == 200
    body = page.content.decode()
    assert territory.name.replace("'", "&#x27;") in body
    assert 'name="robots" content="noindex"' in body
    assert "no-cache" in page["Cache-Control"] and "no-store" in page["Cache-Control"]

    response = accept_new(client, link)

    assert response.status_code == 302 and response["Location"] == "/admin/"
    user = get_user_model().objects.get(email="nouvelle@example.org")
    assert user.username == "nouvelle@example.org"
    assert (user.first_name, user.last_name) == ("Nadia", "Benali")
    assert set(user.groups.all()) == {territory.editors}
    assert not user.is_superuser and not user.is_staff
    assert client.get("/admin/").status_code == 200  # signed in
    invitation.refresh_from_db()
    assert invitation.accepted_by == user and invitation.accepted_at is not None

    # A second use is refused, and changes nothing.
    client.logout()
    again = accept_new(client, link, "Autre-Mot-De-Passe-2026")
    assert again.status_code == 404
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert client.get(link).status_code == 404


def test_a_used_link_and_an_unknown_one_look_the_same(client, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])
    accept_new(client, link)
    client.logout()

    used = client.get(link)
    unknown = client.get("/invitation/" + "x" * 43 + "/")

    assert used.status_code == unknown.status_code == 404
    assert used.context["message"] == unknown.context["message"]


def test_an_expired_invitation_is_refused(client, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])
    Invitation.objects.filter(territory=territory).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    assert client.get(link).status_code == 410
    response = accept_new(client, link)

    assert response.status_code == 410
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
    assert not Invitation.objects.get(territory=territory).accepted_at


def test_a_new_invitation_cancels_the_pending_one(client, territory, administrator):
    send(client, administrator, territory, roles=["editing"])
    send(client, administrator, territory, roles=["publishing"])
    first, second = link_in(mail.outbox[0]), link_in(mail.outbox[1])

    assert accept_new(client, first).status_code == 410
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
    assert accept_new(client, second).status_code == 302
    user = get_user_model().objects.get(email="nouvelle@example.org")
    assert set(user.groups.all()) == {territory.publishers}


def test_an_administrator_cancels_an_invitation(client, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])
    invitation = Invitation.objects.get(territory=territory)
    client.force_login(administrator)
    listing = client.get(f"/admin/territory-accounts/{territory.pk}/").content.decode()
    cancel = f"/admin/territory-accounts/{territory.pk}/invitations/{invitation.pk}/cancel/"
    assert cancel in listing

    assert client.post(cancel).status_code == 302
    client.logout()

    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert accept_new(client, link).status_code == 410
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()


def test_an_account_of_another_territory_gets_the_roles_with_its_own_password(
    client, territory, administrator, pau
):
    elsewhere = make_user(pau, "editor", email="agent.pau@example.org")
    send(client, administrator, territory, email="Agent.Pau@example.org", roles=["publishing"])
    link = link_in(mail.outbox[0])

    page = client.get(link)
    assert 'name="password"' in page.content.decode()  # its current password, not a new one
    assert 'name="password1"' not in page.content.decode()

    wrong = client.post(link, {"password": "pas-le-bon"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["password"]
    assert set(elsewhere.groups.all()) == {pau.editors}

    right = client.post(link, {"password": "x"})  # user_in's password

    assert right.status_code == 302
    assert set(elsewhere.groups.all()) == {pau.editors, territory.publishers}
    assert get_user_model().objects.filter(email__iexact="agent.pau@example.org").count() == 1
    assert Invitation.objects.get(territory=territory).accepted_by == elsewhere


def test_a_weak_password_or_two_different_ones_are_refused(client, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])

    weak = accept_new(client, link, "12345678")
    differ = client.post(link, {"password1": PASSWORD, "password2": PASSWORD + "x"})

    assert weak.status_code == differ.status_code == 200
    assert weak.context["form"].errors["password1"]
    assert differ.context["form"].errors["password2"]
    assert "aria-describedby" in weak.content.decode() or "error-message" in weak.content.decode()
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
    assert accept_new(client, link).status_code == 302  # the link still works


def test_refused_invitations(client, territory, administrator, pau):
    member = make_user(territory, "editor", email="deja@example.org")
    cases = {
        "deja@example.org": ["editing"],  # already a member: change its roles instead
        "root@example.org": ["editing"],  # a superuser
        "ok@example.org": [],  # no role
        "ok2@example.org": ["superuser"],  # no such role
        "pas-une-adresse": ["editing"],
    }
    get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(administrator)
    for email, roles in cases.items():
        response = client.post(
            f"/admin/territory-accounts/{territory.pk}/invite/", {"email": email, "roles": roles}
        )
        assert response.status_code == 200, email
        assert response.context["form"].errors, email
    assert not Invitation.objects.filter(territory=territory).exists()
    assert not mail.outbox
    assert set(member.groups.all()) == {territory.editors}
