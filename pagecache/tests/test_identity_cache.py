"""The site lookup, the site's identity and its menu cost no query after the first request,
and follow every change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from territories.models import TerritorySettings

pytestmark = pytest.mark.django_db

VAR = "var.localhost"


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    # What is measured here is the rendering, not the page cache in front of it.
    settings.PAGECACHE_ENABLED = False


def sql_of(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=VAR)
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in queries)


def conditions(sql):
    """The WHERE clauses of the queries (every page query selects show_in_menus)."""
    return " ".join(
        part.split(" WHERE ", 1)[-1] for part in sql.split("SELECT ")[1:] if " WHERE " in part
    )


def test_no_query_for_the_site_its_identity_and_menu_after_the_first_request(client):
    _html, first = sql_of(client, "/projets/")
    assert "wagtailcore_site" in first and "territories_territorysettings" in first
    _html, second = sql_of(client, "/projets/")
    assert "wagtailcore_site" not in second
    assert "territories_territorysettings" not in second
    assert "show_in_menus" in conditions(first)
    assert "show_in_menus" not in conditions(second)


def test_the_identity_and_menu_follow_their_changes(client):
    sql_of(client, "/projets/")
    identity = TerritorySettings.objects.get(site__hostname=VAR)
    identity.display_name = "Var, l’incubateur"
    identity.save()
    html, _sql = sql_of(client, "/projets/")
    assert "Var, l’incubateur" in html.split("</header>")[0]

    about = Page.objects.get(url_path="/var/a-propos/").specific
    was_in_menu = about.show_in_menus
    about.show_in_menus = not was_in_menu
    about.save_revision().publish()
    menu = sql_of(client, "/projets/")[0].split('aria-label="Menu principal"')[1].split("</nav>")[0]
    assert ('href="/a-propos/"' in menu) is not was_in_menu
