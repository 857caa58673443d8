"""Opening a territory with its first administrator invited: the command and the admin form."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command

from territories.models import Invitation, Territory

pytestmark = pytest.mark.django_db

OPTIONS = {
    "name": "Département du Calvados",
    "slug": "calvados",
    "hostname": "calvados.localhost",
}
FORM = {**OPTIONS, "kind": "departement", "port": "8000"}


def test_the_command_invites_the_first_administrator(django_capture_on_commit_callbacks):
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "create_territory", admin_email="Directrice@Calvados.example.fr", stdout=out, **OPTIONS
        )

    territory = Territory.objects.get(slug="calvados")
    invitation = Invitation.objects.get(territory=territory)
    assert invitation.email == "directrice@calvados.example.fr"
    assert invitation.roles == ["administration"]
    assert invitation.invited_by is None
    assert [message.to for message in mail.outbox] == [["directrice@calvados.example.fr"]]
    assert "/invitation/" in mail.outbox[0].body
    assert "directrice@calvados.example.fr" in out.getvalue()


@pytest.mark.parametrize("email", ["pas-une-adresse", "root@example.org"])
def test_a_bad_email_is_refused_before_anything_is_created(email):
    get_user_model().objects.create_superuser("root", "root@example.org", "x")

    with pytest.raises(CommandError, match="--admin-email"):
        call_command("create_territory", admin_email=email, stdout=io.StringIO(), **OPTIONS)

    assert not Territory.objects.filter(slug="calvados").exists()
    assert not mail.outbox


def test_the_form_invites_the_first_administrator(admin_client, django_capture_on_commit_callbacks):
    page = admin_client.get("/admin/territories/new/").content.decode()
    assert 'name="admin_email"' in page
    assert "territories/territory-form.js" in page
    assert 'data-hub-hostname="localhost"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/territories/new/", {**FORM, "admin_email": "dircom@calvados.example.fr"}
        )

    assert response.status_code == 302
    territory = Territory.objects.get(slug="calvados")
    invitation = Invitation.objects.get(territory=territory)
    assert invitation.roles == ["administration"]
    assert invitation.invited_by.is_superuser
    assert mail.outbox[0].to == ["dircom@calvados.example.fr"]


def test_the_form_refuses_a_bad_email_and_keeps_what_was_typed(admin_client):
    response = admin_client.post("/admin/territories/new/", {**FORM, "admin_email": "dircom@"})

    assert response.status_code == 200
    assert response.context["form"].errors["admin_email"]
    assert 'value="Département du Calvados"' in response.content.decode()
    assert not Territory.objects.filter(slug="calvados").exists()
    assert not mail.outbox


def test_the_field_is_optional(admin_client):
    assert admin_client.post("/admin/territories/new/", FORM).status_code == 302
    assert not Invitation.objects.filter(territory__slug="calvados").exists()
