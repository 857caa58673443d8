"""The publishers' dashboard shows their territory's new irritants, and no other's."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from irritants.models import Irritant, Status
from testing import make_territory, make_user, open_call, submit_irritant, user_in

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html, territory):
    match = re.search(
        rf'<section [^>]*id="newirritantspanel-{territory.slug}-section".*?</section>', html, re.S
    )
    return match.group(0) if match else None


def count(section):
    return int(re.search(r'data-panel-count="(\d+)"', section).group(1))


def test_a_publisher_sees_the_new_irritants_of_their_territory(client, territory, call, publisher):
    first = submit_irritant(call, title="Nouvel irritant un")
    submit_irritant(call, title="Nouvel irritant deux")
    reviewed = submit_irritant(call, title="Irritant déjà en examen")
    Irritant.objects.filter(pk=reviewed.pk).update(status=Status.UNDER_REVIEW)
    elsewhere = make_territory()
    submit_irritant(open_call(elsewhere), title="Irritant d'ailleurs")

    html = dashboard(client, publisher)

    section = panel(html, territory)
    assert count(section) == 2
    assert "Nouvel irritant un" in section and "Nouvel irritant deux" in section
    assert f'href="/admin/irritants/edit/{first.pk}/"' in section
    assert "Irritant déjà en examen" not in html
    assert "Irritant d'ailleurs" not in html and panel(html, elsewhere) is None
    assert client.get(f"/admin/irritants/edit/{first.pk}/").status_code == 200


def test_the_link_to_all_new_irritants_opens_the_filtered_listing(client, territory, call):
    publisher = make_user(territory, "publisher")
    for number in range(7):
        submit_irritant(call, title=f"Irritant numéro {number}")
    Irritant.objects.filter(title="Irritant numéro 0").update(status=Status.SELECTED)

    section = panel(dashboard(client, publisher), territory)
    assert count(section) == 6 and section.count("<tr>") == 5

    link = re.search(r'href="(/admin/irritants/\?[^"]+)"', section).group(1)
    listing = client.get(link.replace("&amp;", "&"))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Irritant numéro 6" in text and "Irritant numéro 0" not in text


def test_editors_and_administrators_get_no_irritants_panel(client, territory, call):
    submit_irritant(call, title="Irritant réservé à la publication")
    for user in [make_user(territory, "editor"), user_in(territory.administrators)]:
        html = dashboard(client, user)
        assert panel(html, territory) is None
        assert "Irritant réservé à la publication" not in html


def test_each_territorys_irritants_come_with_its_other_review_panels(client, territory, call):
    other = make_territory(name=f"ZZ {territory.name}")
    publisher = make_user(territory, "publisher")
    publisher.groups.add(other.publishers)
    submit_irritant(call)
    submit_irritant(open_call(other))

    html = dashboard(client, publisher)
    ids = re.findall(r'<section [^>]*id="([a-z]+panel-[^"]+)-section"', html)

    assert ids.index(f"toreviewpanel-{territory.slug}") < ids.index(
        f"newirritantspanel-{territory.slug}"
    )
    assert ids.index(f"newirritantspanel-{territory.slug}") < ids.index(
        f"toreviewpanel-{other.slug}"
    )
    assert ids.index(f"toreviewpanel-{other.slug}") < ids.index(f"newirritantspanel-{other.slug}")


def queries(client):
    client.get("/admin/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/admin/").status_code == 200
    return len(captured)


def test_the_panel_costs_the_same_queries_whatever_the_number_of_irritants(
    client, territory, call, publisher
):
    submit_irritant(call)
    client.force_login(publisher)
    before = queries(client)

    for _ in range(8):
        submit_irritant(call)
    for _ in range(2):
        other = make_territory()
        submit_irritant(open_call(other))

    assert queries(client) == before
    assert count(panel(client.get("/admin/").content.decode(), territory)) == 9
