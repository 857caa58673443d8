"""The dashboard per role: what awaits each member of a territory, and nothing of another's,
at a cost that does not grow with the network."""

import datetime
import re
import secrets

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail_localize.synctree import create_aliases_for_new_page

from projects.models import NewsIndexPage, NewsPage
from territories.models import Invitation
from territories.services import section_of
from testing import make_territory, make_user, user_in

pytestmark = pytest.mark.django_db


# Building work ----------------------------------------------------------------------------


def draft(territory, author, title):
    """A news item written by ``author`` and never published."""
    parent = section_of(territory.home, NewsIndexPage)
    page = NewsPage(title=title, slug=f"brouillon-{secrets.token_hex(4)}", live=False)
    parent.add_child(instance=page)
    page.save_revision(user=author)
    return Page.objects.get(pk=page.pk)


def submitted(territory, author, title):
    """A draft of ``author`` sent to the territory's review, as the page editor does."""
    page = draft(territory, author, title).specific
    territory.workflow.start(page, author)
    return page


def sent_back(territory, author, reviewer, title, comment=""):
    """A submitted page whose reviewer asked for changes, through Wagtail's workflow API."""
    page = submitted(territory, author, title)
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "reject", comment=comment)
    return page


def published(territory, publisher, title):
    """A news item published by ``publisher``, with its copies (aliases) in the other
    languages' trees, as the page editor makes them."""
    page = draft(territory, publisher, title).specific
    page.get_latest_revision().publish(user=publisher)
    create_aliases_for_new_page(page)
    page.refresh_from_db()
    return page


def invitation(territory, email, **fields):
    fields.setdefault("expires_at", timezone.now() + datetime.timedelta(days=7))
    fields.setdefault("roles", ["editing"])
    return Invitation.objects.create(
        territory=territory,
        email=email,
        token_hash=secrets.token_hex(32),
        **fields,
    )


def administrator(territory, **fields):
    return user_in(territory.administrators, **fields)


# Reading the dashboard --------------------------------------------------------------------


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html, name, territory):
    """The HTML of one of the territory's panels (by class name), or None."""
    match = re.search(
        rf'<section [^>]*id="{name.lower()}-{territory.slug}-section".*?</section>', html, re.S
    )
    return match.group(0) if match else None


def count(section):
    return int(re.search(r'data-panel-count="(\d+)"', section).group(1))


def panel_ids(html):
    return re.findall(r'<section [^>]*id="([a-z]+panel-[^"]+)-section"', html)


@pytest.fixture
def here():
    return make_territory(name="Territoire Alpha")


@pytest.fixture
def there():
    return make_territory(name="Territoire Bêta")


# Publication ------------------------------------------------------------------------------


def test_a_publisher_sees_what_awaits_their_review_in_their_territory_only(client, here, there):
    publisher = make_user(here, "publisher", first_name="Paule", last_name="Relue")
    author = make_user(here, "editor", first_name="Rémi", last_name="Rédige")
    first = submitted(here, author, "Alpha à relire 1")
    second = submitted(here, author, "Alpha à relire 2")
    submitted(there, make_user(there, "editor"), "Bêta à relire")
    draft(here, author, "Alpha pas encore soumise")

    html = dashboard(client, publisher)

    section = panel(html, "ToReviewPanel", here)
    assert count(section) == 2
    assert "Alpha à relire 1" in section and "Alpha à relire 2" in section
    assert f'href="/admin/pages/{first.pk}/edit/"' in section
    assert f'href="/admin/pages/{second.pk}/edit/"' in section
    assert "Rémi Rédige" in section
    assert "Alpha pas encore soumise" not in html
    assert "Bêta à relire" not in html and panel(html, "ToReviewPanel", there) is None
    # Wagtail's own list of the same pages is gone: one list, the territory's.
    assert 'id="awaiting-review-section"' not in html
    # The review link opens the page's editor, whose footer offers the workflow's actions.
    assert client.get(f"/admin/pages/{first.pk}/edit/").status_code == 200


def test_a_publisher_of_two_territories_sees_one_list_per_territory_by_name(client, here, there):
    publisher = make_user(here, "publisher")
    publisher.groups.add(there.publishers)
    submitted(here, make_user(here, "editor"), "Alpha à relire")
    submitted(there, make_user(there, "editor"), "Bêta à relire")
    for _ in range(2):
        submitted(there, make_user(there, "editor"), "Bêta encore")

    html = dashboard(client, publisher)

    assert count(panel(html, "ToReviewPanel", here)) == 1
    assert count(panel(html, "ToReviewPanel", there)) == 3
    assert "Bêta à relire" not in panel(html, "ToReviewPanel", here)
    ids = panel_ids(html)
    assert ids.index(f"toreviewpanel-{here.slug}") < ids.index(f"toreviewpanel-{there.slug}")
    # Each panel names its territory when there are several.
    assert "Territoire Bêta" in panel(html, "ToReviewPanel", there)


def test_an_editor_sees_no_review_list(client, here):
    editor = make_user(here, "editor")
    submitted(here, make_user(here, "editor"), "Alpha à relire")
    html = dashboard(client, editor)
    assert panel(html, "ToReviewPanel", here) is None
    assert "Alpha à relire" not in html


# Rédaction --------------------------------------------------------------------------------


def test_an_editor_sees_their_drafts_and_what_was_sent_back(client, here, there):
    editor = make_user(here, "editor")
    colleague = make_user(here, "editor")
    reviewer = make_user(here, "publisher", first_name="Paule", last_name="Relue")
    mine = draft(here, editor, "Mon brouillon")
    in_review = submitted(here, editor, "Ma page en relecture")
    back = sent_back(here, editor, reviewer, "Ma page renvoyée", comment="Ajoutez une photo.")
    sent_back(here, editor, reviewer, "Renvoyée sans commentaire")
    live = published(here, reviewer, "Page publiée")
    live.title = "Page publiée modifiée"
    live.save_revision(user=editor)
    draft(here, colleague, "Brouillon d'un collègue")
    sent_back(here, colleague, reviewer, "Renvoyée à un collègue")
    other = make_user(there, "editor")
    draft(there, other, "Brouillon Bêta")

    html = dashboard(client, editor)

    drafts = panel(html, "DraftsPanel", here)
    # Four of their pages carry unpublished changes (the one in review says so).
    assert count(drafts) == 5
    assert "Mon brouillon" in drafts and f'href="/admin/pages/{mine.pk}/edit/"' in drafts
    # The page in review and those sent back say so.
    statuses = dict(
        (title, status)
        for status, title in re.findall(
            r'<tr data-review-status="([a-z_]*)">.*?title="[^"]*">([^<]+)</a>', drafts, re.S
        )
    )
    assert statuses == {
        "Mon brouillon": "",
        "Ma page en relecture": "in_progress",
        "Ma page renvoyée": "needs_changes",
        "Renvoyée sans commentaire": "needs_changes",
        "Page publiée modifiée": "",
    }
    assert "Page publiée modifiée" in drafts
    assert "Brouillon d'un collègue" not in html and "Brouillon Bêta" not in html

    back_panel = panel(html, "SentBackPanel", here)
    assert count(back_panel) == 2
    assert "Ma page renvoyée" in back_panel and f'href="/admin/pages/{back.pk}/edit/"' in back_panel
    assert "Ajoutez une photo." in back_panel and "Paule Relue" in back_panel
    assert "Renvoyée à un collègue" not in html
    assert in_review.title not in back_panel


def test_drafts_list_a_few_with_a_link_to_all(client, here):
    editor = make_user(here, "editor")
    for number in range(7):
        draft(here, editor, f"Brouillon {number}")
    html = dashboard(client, editor)
    drafts = panel(html, "DraftsPanel", here)
    assert count(drafts) == 7
    assert drafts.count("<tr") == 5
    assert "Brouillon 6" in drafts and "Brouillon 0" not in drafts  # the latest first
    link = re.search(r'href="(/admin/pages/search/[^"]+)"', drafts).group(1)
    assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_a_page_approved_after_changes_leaves_the_sent_back_list(client, here):
    editor = make_user(here, "editor")
    reviewer = make_user(here, "publisher")
    page = sent_back(here, editor, reviewer, "Renvoyée puis reprise")
    page.current_workflow_state.resume(user=editor)
    html = dashboard(client, editor)
    assert count(panel(html, "SentBackPanel", here)) == 0
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "in_progress"


# Administration ---------------------------------------------------------------------------


def test_an_administrator_sees_pending_invitations_and_last_publications(client, here, there):
    admin = administrator(here)
    publisher = make_user(here, "publisher", first_name="Paule", last_name="Publie")
    now = timezone.now()
    invitation(here, "attendue@example.org", first_name="Anne", invited_by=admin)
    invitation(here, "attendue2@example.org", roles=["publishing", "administration"])
    invitation(here, "acceptee@example.org", accepted_at=now)
    invitation(here, "annulee@example.org", cancelled_at=now)
    invitation(here, "expiree@example.org", expires_at=now - datetime.timedelta(minutes=1))
    invitation(there, "beta@example.org")
    for number in range(6):
        page = published(here, publisher, f"Publication Alpha {number}")
        # Its English copy is live as well, as in the demo (where the English tree is online).
        Page.objects.filter(alias_of=page).update(
            live=True, last_published_at=page.last_published_at
        )
    published(there, make_user(there, "publisher"), "Publication Bêta")

    html = dashboard(client, admin)

    invitations = panel(html, "InvitationsPanel", here)
    assert count(invitations) == 2
    assert "attendue@example.org" in invitations and "attendue2@example.org" in invitations
    for email in ["acceptee@", "annulee@", "expiree@", "beta@"]:
        assert email not in html
    assert f'href="/admin/territory-accounts/{here.pk}/"' in invitations

    publications = panel(html, "LastPublicationsPanel", here)
    # The last five, each once: a language's copy of a page (an alias) is no publication.
    assert publications.count("<tr>") == 5
    for number in range(1, 6):
        assert publications.count(f"Publication Alpha {number}") == 1
    assert "Publication Alpha 0" not in publications
    assert "Paule Publie" in publications
    assert "Publication Bêta" not in html
    # No page panel for a role that writes no page.
    assert panel(html, "DraftsPanel", here) is None
    assert panel(html, "ToReviewPanel", here) is None


# The network ------------------------------------------------------------------------------


def test_superusers_keep_wagtails_dashboard_with_a_review_list_of_the_network(
    client, admin_user, here, there
):
    submitted(here, make_user(here, "editor"), "Alpha à relire")
    submitted(there, make_user(there, "editor"), "Bêta à relire")
    html = dashboard(client, admin_user)
    assert not panel_ids(html)
    section = re.search(r'<section [^>]*id="network-to-review-section".*?</section>', html, re.S)
    assert "Alpha à relire" in section.group(0) and "Bêta à relire" in section.group(0)
    assert "Territoire Alpha" in section.group(0)


# The cost ---------------------------------------------------------------------------------


def dashboard_queries(client):
    client.get("/admin/")  # fills the caches (sites, locales, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def grow(territory, user, reviewer, number):
    """More of everything the panels count, in the territory and in new territories."""
    for index in range(number):
        draft(territory, user, f"Brouillon de plus {index}")
        submitted(territory, make_user(territory, "editor"), f"À relire de plus {index}")
        sent_back(territory, user, reviewer, f"Renvoyée de plus {index}", comment="Non.")
        published(territory, reviewer, f"Publiée de plus {index}")
        invitation(territory, f"plus{index}@example.org", invited_by=user)
    for _ in range(2):
        other = make_territory()
        submitted(other, make_user(other, "editor"), "Ailleurs")
        invitation(other, "ailleurs@example.org")


def test_the_dashboard_costs_the_same_queries_whatever_the_networks_size(client, here):
    user = make_user(here, "editor")
    user.groups.add(here.publishers, here.administrators)
    reviewer = make_user(here, "publisher")
    grow(here, user, reviewer, 1)
    client.force_login(user)
    before = dashboard_queries(client)

    grow(here, user, reviewer, 6)

    assert dashboard_queries(client) == before
    html = client.get("/admin/").content.decode()
    assert count(panel(html, "DraftsPanel", here)) >= 7
    assert count(panel(html, "ToReviewPanel", here)) == 7
    assert count(panel(html, "SentBackPanel", here)) == 7
    assert count(panel(html, "InvitationsPanel", here)) == 7


@pytest.mark.parametrize("who", ["superuser", "network"])
def test_the_network_dashboard_costs_the_same_queries_whatever_the_networks_size(
    client, admin_user, here, who
):
    user = admin_user if who == "superuser" else make_user(None, "network")
    submitted(here, make_user(here, "editor"), "À relire")
    client.force_login(user)
    before = dashboard_queries(client)
    for _ in range(3):
        other = make_territory()
        submitted(other, make_user(other, "editor"), "Ailleurs")
    assert dashboard_queries(client) == before


def test_an_administrators_dashboard_bears_their_territorys_name(client, here):
    here.site.site_name = "Le site d'Alpha"
    here.site.save()
    html = dashboard(client, administrator(here))
    title = re.search(r'<h1 class="w-h1[^"]*">\s*(.*?)\s*</h1>', html, flags=re.S)
    assert title.group(1) == "Le site d&#x27;Alpha"
