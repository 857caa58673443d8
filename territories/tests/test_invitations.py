"""Invitations, end to end over HTTP: sent from the « Comptes » screen by a territory's
administrator, received in the real outbox, accepted once on the public page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from territories import members
from territories.members import INVITATIONS_PER_HOUR, hash_token
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


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Invite over HTTP; the email leaves once the invitation is committed."""

    def send(client, administrator, territory, email="nouvelle@example.org", roles=("editing",)):
        client.force_login(administrator)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/territory-accounts/{territory.pk}/invite/",
                {
                    "email": email,
                    "first_name": "Nadia",
                    "last_name": "Benali",
                    "roles": list(roles),
                },
            )
        client.logout()
        return response

    return send


def link_in(message):
    match = re.search(r"http://localhost:8000(/invitation/[A-Za-z0-9_-]+/)", message.body)
    assert match, message.body
    return match.group(1)


ACCEPT = "/invitation/accepter/"


def accept(client, link, data):
    """Open the emailed link (its token goes to the session), then post the form."""
    opened = client.get(link)
    if opened.status_code != 302:
        return opened
    assert opened["Location"] == ACCEPT
    return client.post(ACCEPT, data)


def accept_new(client, link, password=PASSWORD):
    return accept(client, link, {"password1": password, "password2": password})


def test_an_invitation_is_sent_and_accepted_once(client, send, territory, administrator):
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

    opened = client.get(link)
    # The token leaves the address bar at once: the page is at an address without it.
    assert opened.status_code == 302 and opened["Location"] == ACCEPT
    assert "no-store" in opened["Cache-Control"]
    page = client.get(ACCEPT)
    assert page.status_code == 200
    assert token not in page.content.decode()
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
    assert client.get(ACCEPT).status_code == 404


def test_a_used_link_and_an_unknown_one_look_the_same(client, send, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])
    accept_new(client, link)
    client.logout()

    used = client.get(link)
    unknown = client.get("/invitation/" + "x" * 43 + "/")

    assert used.status_code == unknown.status_code == 404
    assert used.context["message"] == unknown.context["message"]


def test_an_expired_invitation_is_refused(client, send, territory, administrator):
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


def test_a_new_invitation_cancels_the_pending_one(client, send, territory, administrator):
    send(client, administrator, territory, roles=["editing"])
    send(client, administrator, territory, roles=["publishing"])
    first, second = link_in(mail.outbox[0]), link_in(mail.outbox[1])

    assert accept_new(client, first).status_code == 410
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
    assert accept_new(client, second).status_code == 302
    user = get_user_model().objects.get(email="nouvelle@example.org")
    assert set(user.groups.all()) == {territory.publishers}


def test_an_administrator_cancels_an_invitation(client, send, territory, administrator):
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
    client, send, territory, administrator, pau
):
    elsewhere = make_user(pau, "editor", email="agent.pau@example.org")
    send(client, administrator, territory, email="Agent.Pau@example.org", roles=["publishing"])
    link = link_in(mail.outbox[0])

    assert client.get(link).status_code == 302
    page = client.get(ACCEPT)
    assert 'name="password"' in page.content.decode()  # its current password, not a new one
    assert 'name="password1"' not in page.content.decode()

    wrong = client.post(ACCEPT, {"password": "pas-le-bon"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["password"]
    assert set(elsewhere.groups.all()) == {pau.editors}

    right = client.post(ACCEPT, {"password": "x"})  # user_in's password

    assert right.status_code == 302
    assert set(elsewhere.groups.all()) == {pau.editors, territory.publishers}
    assert get_user_model().objects.filter(email__iexact="agent.pau@example.org").count() == 1
    assert Invitation.objects.get(territory=territory).accepted_by == elsewhere


def test_a_weak_password_or_two_different_ones_are_refused(client, send, territory, administrator):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])

    weak = accept_new(client, link, "12345678")
    differ = accept(client, link, {"password1": PASSWORD, "password2": PASSWORD + "x"})

    assert weak.status_code == differ.status_code == 200
    assert weak.context["form"].errors["password1"]
    assert differ.context["form"].errors["password2"]
    assert "aria-describedby" in weak.content.decode() or "error-message" in weak.content.decode()
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
    assert accept_new(client, link).status_code == 302  # the link still works


def test_refused_invitations(client, send, territory, administrator, pau):
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


def test_a_rolled_back_invitation_is_never_mailed(
    django_capture_on_commit_callbacks, territory, administrator
):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            members.invite(territory, "fantome@example.org", ["editing"], invited_by=administrator)
            raise RuntimeError  # whatever made the caller's transaction fail

    assert not mail.outbox
    assert not Invitation.objects.filter(email="fantome@example.org").exists()


# Nothing listens on port 1: the connection is refused, as with a mail server down.
@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=1,
    EMAIL_TIMEOUT=2,
)
def test_an_invitation_that_cannot_be_mailed_is_cancelled(
    django_capture_on_commit_callbacks, territory, administrator, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = members.invite(
            territory, "injoignable@example.org", ["editing"], invited_by=administrator
        )

    assert invitation.delivered is False
    invitation.refresh_from_db()
    assert invitation.cancelled_at is not None
    assert not members.pending_invitations(territory).exists()
    assert "injoignable@example.org" in caplog.text
    assert "injoignable@example.org" in members.delivery_failed_message(invitation)


def test_invitations_are_throttled_per_territory(client, send, territory, administrator, pau):
    for index in range(INVITATIONS_PER_HOUR):
        assert (
            send(client, administrator, territory, email=f"n{index}@example.org").status_code == 302
        )

    response = send(client, administrator, territory, email="une-de-trop@example.org")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Invitation.objects.filter(email="une-de-trop@example.org").exists()
    assert len(mail.outbox) == INVITATIONS_PER_HOUR
    # An hour later, or in another territory, invitations go again.
    Invitation.objects.filter(territory=territory).update(
        created_at=timezone.now() - timedelta(hours=1, minutes=1)
    )
    assert send(client, administrator, territory, email="plus-tard@example.org").status_code == 302


def test_an_address_used_as_another_account_s_user_name_gives_no_error_500(
    client, send, territory, administrator
):
    # An account whose user name is the address but whose email is another: not the
    # invitee's account (its password is not theirs to type), and its user name is taken.
    other = get_user_model().objects.create_user(
        "nouvelle@example.org", "quelqu-un-d-autre@example.org", "secret-de-l-autre"
    )
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])

    assert client.get(link).status_code == 302
    assert 'name="password1"' in client.get(ACCEPT).content.decode()  # a new account's form
    response = accept_new(client, link)

    assert response.status_code == 409
    assert not Invitation.objects.get(territory=territory).accepted_at
    assert set(other.groups.all()) == set()
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()


def test_an_invitation_cancelled_after_the_page_opened_is_not_accepted(
    client, send, territory, administrator
):
    send(client, administrator, territory)
    link = link_in(mail.outbox[0])
    assert client.get(link).status_code == 302
    assert client.get(ACCEPT).status_code == 200
    Invitation.objects.filter(territory=territory).update(cancelled_at=timezone.now())

    response = client.post(ACCEPT, {"password1": PASSWORD, "password2": PASSWORD})

    assert response.status_code == 410
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()
