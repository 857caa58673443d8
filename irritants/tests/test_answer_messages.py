"""What the reviewer reads after saving an answer: whether the agent was emailed."""

import pytest
from django.contrib.messages import constants
from django.core import mail
from django.utils import timezone
from django.utils.translation import gettext

from irritants.models import Irritant
from irritants.notifications import stop_notifications
from irritants.services import anonymise
from testing import submit_irritant

from .test_review import review

pytestmark = pytest.mark.django_db

SENT = "Answer sent by email to the agent."
NOT_SENT = {
    "erased": "The answer is saved but was not sent: the agent's details have been erased.",
    "unsubscribed": "The answer is saved but was not sent: the agent asked for no more emails.",
}


@pytest.fixture
def submitted(call):
    irritant = submit_irritant(call)
    mail.outbox.clear()
    return irritant


def answer(client, irritant, capture, text="Nous lançons un projet pour y répondre."):
    """The review form posted with ``text`` as the answer; the messages of the next page."""
    with capture(execute=True):
        response = review(client, irritant, public_answer=text)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(response["Location"])
    return [(message.level, str(message.message).strip()) for message in page.context["messages"]]


def test_an_answer_emailed_to_the_agent_says_so(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    shown = answer(client, submitted, django_capture_on_commit_callbacks)

    assert (constants.SUCCESS, gettext(SENT)) in shown
    [email] = mail.outbox
    assert email.to == [submitted.submitter_email]

    # Saved again with the same answer: nothing new is sent, nothing said about it.
    mail.outbox.clear()
    shown = answer(client, submitted, django_capture_on_commit_callbacks)
    assert gettext(SENT) not in [text for _level, text in shown]
    assert mail.outbox == []


@pytest.mark.parametrize("reason", ["unsubscribed", "erased"])
def test_an_answer_not_emailed_says_why(
    client, submitted, publisher, django_capture_on_commit_callbacks, reason
):
    if reason == "unsubscribed":
        stop_notifications(submitted)
    else:
        anonymise(submitted, timezone.now())
    client.force_login(publisher)

    shown = answer(
        client, Irritant.objects.get(pk=submitted.pk), django_capture_on_commit_callbacks
    )

    assert (constants.WARNING, gettext(NOT_SENT[reason])) in shown
    assert gettext(SENT) not in [text for _level, text in shown]
    assert mail.outbox == []
    assert Irritant.objects.get(pk=submitted.pk).public_answer.startswith("Nous lançons")
