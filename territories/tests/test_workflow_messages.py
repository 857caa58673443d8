"""After approving a page or requesting changes, the reviewer reads what happened, from the
page editor and from the dashboard's modal alike (the messages of the next page)."""

import pytest
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from projects.models import NewsIndexPage, NewsPage
from territories.services import section_of
from testing import make_territory, make_user

pytestmark = pytest.mark.django_db

TITLE = "Ouverture du guichet des aidants"
PUBLISHED = "Page '%(page_title)s' has been published."
UPDATED = "Page '%(page_title)s' has been updated."
CHANGES_REQUESTED = "Changes requested on page '%(page_title)s': it goes back to its editors."


def news_form(**fields):
    return nested_form_data(
        {
            "title": TITLE,
            "slug": "guichet-des-aidants",
            "intro": "Les aidants déposent leur demande en ligne.",
            "date": timezone.localdate().isoformat(),
            "body": streamfield([]),
            "related_projects": inline_formset([]),
            **fields,
        }
    )


@pytest.fixture
def submitted(client):
    """A news item an editor submitted for review; the client logged in as a publisher."""
    territory = make_territory()
    index = section_of(territory.home, NewsIndexPage)
    client.force_login(make_user(territory, "editor"))
    response = client.post(
        f"/admin/pages/add/projects/newspage/{index.pk}/",
        {**news_form(), "action-submit": "submit"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsPage.objects.child_of(index).get(slug="guichet-des-aidants")
    assert page.current_workflow_state is not None
    client.force_login(make_user(territory, "publisher"))
    return page


def shown(client, response):
    """The messages the page after ``response`` shows (the modal's answer is JSON)."""
    assert response.status_code in (200, 302), response.content.decode()[:3000]
    page = client.get("/admin/")
    return [str(message.message).strip() for message in page.context["messages"]]


def text(msgid):
    return gettext(msgid) % {"page_title": TITLE}


def from_the_dashboard(client, page, action):
    task_state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def from_the_editor(client, page, action):
    data = {**news_form(), "action-workflow-action": "true", "workflow-action-name": action}
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.mark.parametrize("screen", [from_the_dashboard, from_the_editor])
def test_an_approval_says_the_page_is_published(client, submitted, screen):
    messages = shown(client, screen(client, submitted, "approve"))

    assert Page.objects.get(pk=submitted.pk).live
    assert text(PUBLISHED) in messages
    assert text(UPDATED) not in messages


@pytest.mark.parametrize("screen", [from_the_dashboard, from_the_editor])
def test_a_request_for_changes_is_confirmed(client, submitted, screen):
    messages = shown(client, screen(client, submitted, "reject"))

    page = Page.objects.get(pk=submitted.pk)
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
    assert text(CHANGES_REQUESTED) in messages
    assert text(UPDATED) not in messages
