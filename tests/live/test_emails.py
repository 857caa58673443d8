"""Emails through a real SMTP server: gunicorn in production mode sends them with Django's
SMTP backend to the aiosmtpd server of the live stack; the test reads them back and follows
their links to the pages, as the agent and the citizen would."""

import re
import uuid

import psycopg

from .services import CALL_HOST, CALL_PATH, exchange, irritant_fields, post_form

LINK = r"http://{host}:\d+{path}\?cle=[A-Za-z0-9_.:\-]+"


def link_in(message, host, path):
    found = re.search(LINK.format(host=re.escape(host), path=re.escape(path)), body_of(message))
    assert found, f"No {path} link in:\n{body_of(message)}"
    return found.group(0)


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def rows(database_url, query, *arguments):
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as connection:
        return connection.execute(query, arguments).fetchall()


def test_the_agent_gets_the_acknowledgement_and_follows_the_irritant(live):
    marker = uuid.uuid4().hex[:10]
    address = f"agent.{marker}@example.org"
    status, _body, headers = post_form(
        live.server, CALL_PATH, irritant_fields(f"Suivi {marker}", email=address)
    )
    assert status == 302, live.server.errors_logged()
    [(reference,)] = rows(
        live.database_url,
        "SELECT reference FROM irritants_irritant WHERE title = %s",
        f"Suivi {marker}",
    )

    acknowledgement = live.mailbox.wait_for(lambda message: message["To"] == address)
    assert reference in acknowledgement["Subject"]
    # The unsubscribe headers of RFC 2369 and RFC 8058, to an address of the call's site.
    unsubscribe = acknowledgement["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith(f"http://{CALL_HOST}:")
    assert acknowledgement["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    followup = link_in(acknowledgement, CALL_HOST, "/suivi/")
    status, page, page_headers = exchange(live.server, "GET", followup)
    assert status == 200
    assert reference in page.decode()
    assert "no-store" in page_headers["Cache-Control"]
    assert page_headers["Referrer-Policy"] == "strict-origin"
    # The same key on another territory's site leads nowhere.
    assert exchange(live.server, "GET", followup.replace(CALL_HOST, "var.localhost"))[0] == 404

    # A mail client's one-click unsubscription (a POST without cookie nor CSRF token).
    status, _page, _headers = exchange(
        live.server,
        "POST",
        unsubscribe,
        b"List-Unsubscribe=One-Click",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200
    [(stopped,)] = rows(
        live.database_url,
        "SELECT notifications_stopped_at FROM irritants_irritant WHERE reference = %s",
        reference,
    )
    assert stopped is not None


def test_a_citizen_subscribes_confirms_and_unsubscribes(live):
    # The news index shows « Suivre par courriel »: its link leads to the form.
    status, news_index, _headers = exchange(live.server, "GET", "/actualites/")
    assert status == 200
    subscribe = re.search(r'href="(/abonnement/\?page=\d+)"', news_index.decode()).group(1)
    address = f"citoyenne.{uuid.uuid4().hex[:10]}@example.org"
    status, _page, _headers = post_form(
        live.server, subscribe.replace("&amp;", "&"), {"email": address, "frequency": "daily"}
    )
    assert status == 200, live.server.errors_logged()

    confirmation = live.mailbox.wait_for(lambda message: message["To"] == address)
    assert confirmation["List-Unsubscribe"]
    confirm = link_in(confirmation, CALL_HOST, "/abonnement/confirmer/")
    # Opening the link confirms nothing (mail scanners open links): the button does.
    assert exchange(live.server, "GET", confirm)[0] == 200
    assert rows(
        live.database_url,
        "SELECT confirmed_at FROM subscriptions_subscription WHERE email = %s",
        address,
    ) == [(None,)]
    status, _page, _headers = post_form(live.server, confirm, {})
    assert status == 200
    [(confirmed,)] = rows(
        live.database_url,
        "SELECT confirmed_at FROM subscriptions_subscription WHERE email = %s",
        address,
    )
    assert confirmed is not None

    # Unsubscribing with the link of the email erases the address.
    unsubscribe = link_in(confirmation, CALL_HOST, "/abonnement/desabonner/")
    status, _page, _headers = post_form(live.server, unsubscribe, {})
    assert status == 200
    assert (
        rows(
            live.database_url, "SELECT id FROM subscriptions_subscription WHERE email = %s", address
        )
        == []
    )
