"""The launch checklist, computed from the content, and « Mettre en ligne »: who may, when,
what it changes, and that it is logged."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry, PageViewRestriction

from home.models import ContentPage
from territories.launch import LOG_ACTION, launch, launch_checklist, launch_checklists
from territories.models import Territory
from testing import make_news, make_project, make_territory, make_user, open_call

pytestmark = pytest.mark.django_db


def done(territory):
    return [item.done for item in launch_checklist(territory)]


def complete(territory, call=True):
    """Fill in what the checklist asks, as the admin would."""
    identity = territory.site.territorysettings
    identity.logo = get_image_model().objects.create(
        title="Logo", file=get_test_image_file(), collection=territory.collection
    )
    identity.primary_color = "#8a1538"
    identity.contact_email = "contact@creuse.example"
    identity.save()
    about = ContentPage.objects.child_of(territory.home).get()
    about.body = [("paragraph", "<p>L'incubateur de la Creuse.</p>")]
    about.save_revision().publish()
    if call:
        open_call(territory)


def test_the_checklist_follows_the_content():
    territory = make_territory(launched=False)
    assert done(territory) == [False] * 5
    identity = territory.site.territorysettings
    identity.logo = get_image_model().objects.create(
        title="Logo", file=get_test_image_file(), collection=territory.collection
    )
    identity.save()
    assert done(territory) == [True, False, False, False, False]
    identity.primary_color = "#8a1538"
    identity.contact_email = "contact@creuse.example"
    identity.save()
    assert done(territory) == [True, True, True, False, False]
    about = ContentPage.objects.child_of(territory.home).get()
    about.save_revision().publish()
    # Published empty: not written.
    assert done(territory)[3] is False
    about.body = [("paragraph", "<p>L'incubateur.</p>")]
    about.save_revision().publish()
    assert done(territory)[3] is True
    # A news item is no call and no project.
    make_news(territory)
    assert done(territory)[4] is False
    make_project(territory)
    assert done(territory) == [True] * 5
    for item in launch_checklist(territory):
        assert item.url.startswith("/admin/")


def test_a_call_counts_as_much_as_a_project():
    territory = make_territory(launched=False)
    open_call(territory)
    assert done(territory)[4] is True


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_editors_and_publishers_cannot_launch(client, role):
    territory = make_territory(launched=False)
    complete(territory)
    client.force_login(make_user(territory, role))

    response = client.post(f"/admin/territories/{territory.pk}/launch/")

    assert response.status_code in (302, 403, 404)
    assert not Territory.objects.get(pk=territory.pk).is_launched
    assert PageViewRestriction.objects.filter(page=territory.home).exists()
    with pytest.raises(ValidationError):
        launch(territory, make_user(territory, role))


def test_an_incomplete_checklist_refuses_the_launch(client):
    territory = make_territory(launched=False)
    complete(territory, call=False)
    administrator = make_user(territory, "administrator")
    client.force_login(administrator)

    dashboard = client.get("/admin/").content.decode()
    assert f'action="/admin/territories/{territory.pk}/launch/"' in dashboard
    assert "disabled" in dashboard.split(f"/admin/territories/{territory.pk}/launch/")[1][:400]
    response = client.post(f"/admin/territories/{territory.pk}/launch/", follow=True)

    assert response.status_code == 200
    assert not Territory.objects.get(pk=territory.pk).is_launched
    assert not ModelLogEntry.objects.filter(action=LOG_ACTION, object_id=str(territory.pk))


@pytest.mark.parametrize("who", ["administrator", "network", "superuser"])
def test_the_administrators_the_network_and_superusers_launch_it(client, who):
    territory = make_territory(launched=False)
    complete(territory)
    host = territory.site.hostname
    if who == "superuser":
        user = get_user_model().objects.create_superuser("super-launch", password="x")
    else:
        user = make_user(None if who == "network" else territory, who)
    assert client.get("/", HTTP_HOST=host).status_code == 404
    client.force_login(user)
    dashboard = client.get("/admin/").content.decode()
    assert f'action="/admin/territories/{territory.pk}/launch/"' in dashboard

    response = client.post(f"/admin/territories/{territory.pk}/launch/")

    assert response.status_code == 302
    territory = Territory.objects.get(pk=territory.pk)
    assert territory.is_launched
    assert not PageViewRestriction.objects.filter(
        page__translation_key=territory.home.translation_key
    ).exists()
    entry = ModelLogEntry.objects.get(action=LOG_ACTION, object_id=str(territory.pk))
    assert entry.user == user
    client.logout()
    assert client.get("/", HTTP_HOST=host).status_code == 200
    assert client.get("/en/", HTTP_HOST=host).status_code == 200
    # Launching twice is refused.
    with pytest.raises(ValidationError):
        launch(territory, user)
    # The panel is gone.
    client.force_login(user)
    assert (
        f"/admin/territories/{territory.pk}/launch/" not in client.get("/admin/").content.decode()
    )


def test_another_territorys_administrator_can_neither_see_nor_launch_it(client):
    territory = make_territory(launched=False)
    complete(territory)
    other = make_territory(launched=False)
    intruder = make_user(other, "administrator")
    client.force_login(intruder)

    dashboard = client.get("/admin/").content.decode()
    response = client.post(f"/admin/territories/{territory.pk}/launch/")
    get = client.get(f"/admin/territories/{territory.pk}/launch/")

    assert f"/admin/territories/{other.pk}/launch/" in dashboard
    assert f"/admin/territories/{territory.pk}/launch/" not in dashboard
    assert response.status_code == 404 and get.status_code in (404, 405)
    assert not Territory.objects.get(pk=territory.pk).is_launched
    assert PageViewRestriction.objects.filter(page=territory.home).exists()
    assert not ModelLogEntry.objects.filter(action=LOG_ACTION, object_id=str(territory.pk))


def test_the_operator_launches_without_the_checklist():
    territory = make_territory(launched=False)
    launch(territory)
    territory = Territory.objects.get(pk=territory.pk)
    assert territory.is_launched
    assert ModelLogEntry.objects.get(action=LOG_ACTION, object_id=str(territory.pk)).user is None


def test_editors_and_publishers_see_no_launch_panel(client):
    territory = make_territory(launched=False)
    for role in ("editor", "publisher"):
        client.force_login(make_user(territory, role))
        assert "/launch/" not in client.get("/admin/").content.decode()


def test_the_demo_has_an_administrator_per_territory(client, settings, var):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("create_dev_admin")
    administrator = get_user_model().objects.get(username="admin-var")

    assert list(administrator.groups.all()) == [var.administrators]
    assert administrator.check_password("demo")
    response = client.post("/admin/login/", {"username": "admin-var", "password": "demo"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_network_dashboard_costs_the_same_with_one_or_three_territories_in_preparation(
    client,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    network = make_user(None, "network")
    client.force_login(network)
    client.get("/admin/")  # Wagtail's per-process caches (content types, settings).
    first = make_territory(launched=False)
    complete(first)

    def dashboard():
        with CaptureQueriesContext(connection) as queries:
            content = client.get("/admin/").content.decode()
        return len(queries), content

    one, content = dashboard()
    assert f"/admin/territories/{first.pk}/launch/" in content
    others = [make_territory(launched=False) for _ in range(2)]
    complete(others[0], call=False)
    three, content = dashboard()
    assert all(f"/admin/territories/{t.pk}/launch/" in content for t in others)
    assert three == one
    # Each territory's own checklist (batched, not mixed up).
    assert launch_checklists([first, *others]) == {
        t.pk: launch_checklist(t) for t in (first, *others)
    }
    assert [item.done for item in launch_checklist(others[0])] == [True] * 4 + [False]
    assert not any(item.done for item in launch_checklist(others[1]))
    # Nothing written on a GET: the network group is looked up, not created.
    from django.contrib.auth.models import Group

    from territories.permissions import network_group_name

    Group.objects.filter(name=network_group_name()).delete()
    client.force_login(make_user(first, "editor"))
    assert client.get("/", HTTP_HOST=first.site.hostname).status_code == 200
    assert not Group.objects.filter(name=network_group_name()).exists()
