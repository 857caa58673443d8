"""Each territory is its own Wagtail site, chosen by the request's host name."""

import pytest
from wagtail.models import Site

from demo import content
from hub.models import NetworkHomePage
from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("territory", content.TERRITORIES, ids=lambda t: t["slug"])
def test_each_demo_hostname_serves_its_own_territory_home(client, territory):
    response = client.get("/", HTTP_HOST=territory["hostname"])

    assert response.status_code == 200
    page = response.context["page"]
    assert isinstance(page, TerritoryHomePage)
    assert page.title == territory["name"]
    # The header carries the territory's own identity, not another one's.
    assert territory["display_name"] in response.content.decode()
    others = [t["display_name"] for t in content.TERRITORIES if t is not territory]
    assert not any(name in response.content.decode() for name in others)


@pytest.mark.parametrize("host", ["inconnu.localhost", "127.0.0.1", "localhost"])
def test_unknown_host_gets_the_hub(client, host):
    response = client.get("/", HTTP_HOST=host)

    assert response.status_code == 200
    assert isinstance(response.context["page"], NetworkHomePage)


def test_hub_lists_every_territory_with_a_link_to_its_site(client):
    response = client.get("/", HTTP_HOST="localhost")

    html = response.content.decode()
    for territory in content.TERRITORIES:
        assert f'href="http://{territory["hostname"]}:8000/"' in html
        assert territory["name"].replace("'", "&#x27;") in html


def test_a_territory_page_is_not_reachable_through_another_territory_host(client):
    var_project = "/projets/rsa-en-ligne/"
    assert client.get(var_project, HTTP_HOST="var.localhost").status_code == 200
    assert client.get(var_project, HTTP_HOST="pau.localhost").status_code == 404


def test_every_territory_site_has_its_home_page_as_root():
    for territory in content.TERRITORIES:
        site = Site.objects.get(hostname=territory["hostname"])
        assert site.root_page.specific.title == territory["name"]
        assert not site.is_default_site
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, NetworkHomePage)
