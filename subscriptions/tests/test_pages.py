"""« Suivre par courriel » on the public pages, which stay cacheable; the dashboard's count."""

import re

import pytest

from subscriptions.models import Subscription
from testing import make_territory, make_user

from .helpers import subscription

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_fixture", ["news_index", "project"])
def test_the_page_links_to_the_form_and_the_feeds_without_a_csrf_token(
    client, request, page_fixture, territory
):
    page = request.getfixturevalue(page_fixture)
    response = client.get(page.url, HTTP_HOST=territory.site.hostname)
    html = response.content.decode()
    assert f'href="/abonnement/?page={page.pk}"' in html
    if page_fixture == "project":
        assert f'href="/flux/projets/{page.slug}/rss.xml"' in html
        assert f'href="/flux/projets/{page.slug}/atom.xml"' in html
    else:
        assert 'href="/flux/rss.xml"' in html and 'href="/flux/atom.xml"' in html
    # Nothing that would keep the page out of the page cache.
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    assert "private" not in response.get("Cache-Control", "")


def count_on_dashboard(client, user, territory):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    panel = re.search(
        rf'<section [^>]*id="subscriberspanel-{territory.slug}-section".*?</section>', html, re.S
    )
    if panel is None:
        return None
    return int(re.search(r'data-panel-count="(\d+)"', panel.group(0)).group(1))


def test_the_dashboard_counts_confirmed_subscribers_of_the_territory_only(client, territory):
    other = make_territory()
    subscription("a@example.org", territory)
    subscription("b@example.org", territory)
    subscription("pending@example.org", territory, confirmed=False)
    for number in range(5):
        subscription(f"other{number}@example.org", other)

    for role in ("administrator", "publisher"):
        assert count_on_dashboard(client, make_user(territory, role), territory) == 2
        assert count_on_dashboard(client, make_user(territory, role), other) is None
    assert count_on_dashboard(client, make_user(other, "administrator"), other) == 5
    # Rédaction sees no count, and no page shows an address.
    editor = make_user(territory, "editor")
    assert count_on_dashboard(client, editor, territory) is None
    client.force_login(make_user(territory, "administrator"))
    assert "a@example.org" not in client.get("/admin/").content.decode()
    assert Subscription.objects.count() == 8


def test_the_dashboard_panel_costs_one_query(territory, django_assert_num_queries):
    from subscriptions.dashboard import SubscribersPanel
    from territories.panels import memberships

    user = make_user(territory, "administrator")
    (membership,) = memberships(user)
    panel = SubscribersPanel(membership)
    for number in range(3):
        subscription(f"x{number}@example.org", territory)
    with django_assert_num_queries(1):
        assert panel.get_items(user)["count"] == 3


def test_backups_count_the_subscriptions(territory):
    from operations.backup import counts

    before = counts()["subscriptions"]
    subscription("a@example.org", territory)
    assert counts()["subscriptions"] == before + 1


def test_a_french_title_on_the_english_form_says_it_is_french(client, project, territory):
    # WCAG 3.1.2: the project's French title inside the English sentences.
    response = client.get(f"/en/abonnement/?page={project.pk}", HTTP_HOST=territory.site.hostname)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'“<span lang="fr">{project.title}</span>”' in html
    assert html.count('<span lang="fr">') == 2
