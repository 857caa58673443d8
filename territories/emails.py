"""Emails to people outside the admin (agents, subscribers), through Django's email layer.

One place for what every such email needs: a body rendered in the reader's language, a subject
on one line, the ``List-Unsubscribe`` headers when the reader can stop them (RFC 2369, and
RFC 8058's one-click POST), and a mail server failure logged rather than lost on the person
who triggered the email.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def build_email(subject, template, context, recipient, *, language=None, unsubscribe_url=""):
    """An email to one recipient, rendered in ``language`` (the site's default otherwise).

    ``subject`` may be lazy: it is translated in the same language. ``unsubscribe_url`` is the
    address that stops these emails with one POST (and shows a confirmation on GET).
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "unsubscribe_url": unsubscribe_url})
        # A subject is one line, whatever the agent typed in a title.
        subject = " ".join(str(subject).split())
    headers = {}
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], headers=headers)


def send_emails(messages):
    """Send the messages over one connection; returns how many were sent.

    A server failure is logged and the rest is still tried: one bad address must not stop a
    whole batch, and nobody's action fails because the mail server is down.
    """
    messages = [message for message in messages if message.to and all(message.to)]
    if not messages:
        return 0
    sent = 0
    try:
        connection = get_connection()
        connection.open()
    except OSError:
        logger.exception("Could not reach the mail server to send %d email(s)", len(messages))
        return 0
    try:
        for message in messages:
            message.connection = connection
            try:
                sent += message.send()
            except (OSError, ValueError):  # ValueError: BadHeaderError on a malformed address
                logger.exception("Could not send %r", message.subject)
    finally:
        connection.close()
    return sent


def send_email(subject, template, context, recipients, **options):
    """One email per recipient (each may have its own unsubscribe address in ``options``)."""
    return send_emails(
        build_email(subject, template, context, recipient, **options) for recipient in recipients
    )
