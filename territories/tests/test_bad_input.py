"""A territory's name, slug, host name, kind and port are checked before anything is created:
by the service, the admin screen and the commands alike, each refusal named and explained."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Collection, Page, Site, Workflow

from territories.models import Territory, TerritorySettings
from territories.services import TerritorySpec, create_territory
from testing import make_territory

pytestmark = pytest.mark.django_db

CALVADOS = dict(
    name="Département du Calvados", slug="calvados", hostname="calvados.localhost", port=8000
)
FORM = {**CALVADOS, "kind": "departement", "port": "8000"}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Site, Collection, Group, Workflow, Territory, TerritorySettings)
    }


@pytest.fixture
def existing():
    return make_territory()


def refuses(change, field):
    before = counts()

    with pytest.raises(ValidationError) as error:
        create_territory(TerritorySpec(**{**CALVADOS, **change}))

    assert field in error.value.message_dict
    assert error.value.message_dict[field][0]
    assert counts() == before


@pytest.mark.parametrize(
    "change, field",
    [
        ({"slug": "Calva dos"}, "slug"),
        ({"slug": "c" * 51}, "slug"),
        ({"hostname": "calvados_.localhost"}, "hostname"),
        ({"hostname": "-calvados.localhost"}, "hostname"),
        ({"name": "  "}, "name"),
        ({"name": "C" * 101}, "name"),
        ({"kind": "canton"}, "kind"),
        ({"port": 70000}, "port"),
    ],
)
def test_a_malformed_spec_is_refused_with_a_message_and_creates_nothing(change, field):
    refuses(change, field)


def test_what_another_territory_uses_is_refused_with_a_message_and_creates_nothing(existing):
    refuses({"slug": existing.slug}, "slug")
    refuses({"name": existing.name}, "name")
    refuses({"hostname": existing.site.hostname, "port": existing.site.port}, "hostname")


def test_the_admin_form_keeps_what_was_typed_and_says_what_to_fix(admin_client, existing):
    territories = Territory.objects.count()
    response = admin_client.post(
        "/admin/territories/new/", {**FORM, "slug": existing.slug, "hostname": "pas un hôte"}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["slug"] == [f"Un territoire utilise déjà l’identifiant « {existing.slug} »."]
    assert form.errors["hostname"] == ["« pas un hôte » n’est pas un nom d’hôte valide."]
    body = response.content.decode()
    assert 'value="Département du Calvados"' in body
    assert Territory.objects.count() == territories


def test_the_create_territory_command_names_each_bad_option(existing):
    with pytest.raises(CommandError) as error:
        call_command(
            "create_territory", "--name", "Calvados", "--slug", existing.slug, "--hostname", "x_y"
        )
    message = str(error.value)
    assert f"--slug: Un territoire utilise déjà l’identifiant « {existing.slug} »." in message
    assert "--hostname: « x_y » n’est pas un nom d’hôte valide." in message
    assert not Territory.objects.filter(name="Calvados").exists()


def test_archiving_an_unknown_slug_lists_the_known_ones(existing):
    with pytest.raises(CommandError, match=f"Identifiants connus : .*{existing.slug}"):
        call_command("archive_territory", "calvados")
