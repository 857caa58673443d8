"""The agent's private follow-up page, over HTTP, as the agent and as an attacker would use it."""

import datetime
import hashlib
import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from irritants import services
from irritants.models import Irritant, Status, StatusChange
from projects.models import ProjectDecision, ProjectPhase
from testing import make_territory, open_call, submit_irritant

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/suivi/\?cle=[\w-]+")


def followup_link(message):
    (link,) = LINK.findall(message.body)
    return link


def open_link(client, link, **extra):
    """GET ``link`` as a browser would: its host, its path and query string."""
    parts = urlsplit(link)
    return client.get(f"{parts.path}?{parts.query}", HTTP_HOST=parts.hostname, **extra)


@pytest.fixture
def submitted(call):
    """An irritant just submitted, and the follow-up link of its acknowledgement."""
    mail.outbox.clear()
    irritant = submit_irritant(call)
    acknowledgement = mail.outbox[0]
    assert acknowledgement.to == [irritant.submitter_email]
    return irritant, followup_link(acknowledgement)


def test_the_acknowledgement_links_to_a_private_page_on_the_territory_s_site(client, submitted):
    irritant, link = submitted
    assert urlsplit(link).hostname == irritant.territory.site.hostname
    token = urlsplit(link).query.removeprefix("cle=")
    # Only the key's hash is kept: a copy of the database opens no follow-up page.
    irritant.refresh_from_db()
    assert irritant.followup_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not Irritant.objects.filter(followup_token_hash=token).exists()

    response = open_link(client, link)
    html = response.content.decode()
    assert response.status_code == 200
    assert irritant.reference in html and irritant.title in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "strict-origin"
    assert '<meta name="robots" content="noindex">' in html
    # Asked twice, anonymously: never from the page cache.
    again = open_link(Client(), link)
    assert again.status_code == 200
    assert "X-Page-Cache" not in again
    assert again["Cache-Control"] == "private, no-store"


def test_the_page_shows_the_public_history_and_answer_and_nothing_internal(
    client, submitted, publisher
):
    irritant, link = submitted
    irritant.status = Status.UNDER_REVIEW
    irritant.internal_notes = "Note interne confidentielle"
    irritant.recurrence_score = 3
    irritant.public_answer = "Merci, nous étudions une solution avec la DSI."
    irritant.answered_at = timezone.now()
    irritant.save()
    StatusChange.objects.create(
        irritant=irritant,
        from_status=Status.RECEIVED,
        to_status=Status.UNDER_REVIEW,
        changed_by=publisher,
    )

    html = open_link(client, link).content.decode()
    main = html.split("<main")[1].split("</main>")[0]
    with translation.override("fr"):
        labels = [str(Status.RECEIVED.label), str(Status.UNDER_REVIEW.label)]
    assert all(label in main for label in labels)
    assert "nous étudions une solution avec la DSI" in main
    for secret in ("Note interne confidentielle", publisher.username, publisher.email):
        assert secret not in html
    # The agent's own data is not repeated on a page behind a link that could be forwarded.
    assert irritant.submitter_email not in html


def test_a_wrong_or_tampered_key_opens_nothing(client, submitted):
    irritant, link = submitted
    host = irritant.territory.site.hostname
    tampered = link[:-1] + ("A" if link[-1] != "A" else "B")
    assert open_link(client, tampered).status_code == 404
    assert client.get("/suivi/", HTTP_HOST=host).status_code == 404
    assert client.get("/suivi/?cle=", HTTP_HOST=host).status_code == 404
    assert client.get("/suivi/?cle=" + "x" * 5000, HTTP_HOST=host).status_code == 404
    # The stored hash itself is not a key.
    irritant.refresh_from_db()
    stored = irritant.followup_token_hash
    assert client.get(f"/suivi/?cle={stored}", HTTP_HOST=host).status_code == 404


def test_a_key_works_only_on_its_territory_s_site(client, submitted):
    irritant, link = submitted
    other = make_territory()
    query = urlsplit(link).query
    assert client.get(f"/suivi/?{query}", HTTP_HOST=other.site.hostname).status_code == 404
    assert client.get(f"/suivi/?{query}", HTTP_HOST="localhost").status_code == 404
    # And the other territory's key does not open this territory's page either.
    mail.outbox.clear()
    submit_irritant(open_call(other))
    other_link = followup_link(mail.outbox[0])
    other_query = urlsplit(other_link).query
    host = irritant.territory.site.hostname
    assert client.get(f"/suivi/?{other_query}", HTTP_HOST=host).status_code == 404
    assert open_link(client, other_link).status_code == 200


def test_the_page_ends_with_the_personal_data(client, submitted):
    irritant, link = submitted
    Irritant.objects.filter(pk=irritant.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=800)
    )
    services.purge_expired()
    irritant.refresh_from_db()
    assert irritant.is_anonymised
    assert irritant.followup_token_hash is None
    assert open_link(client, link).status_code == 404
    # A new link cannot be issued for it either.
    assert services.issue_followup_link(irritant) is None


def test_the_project_is_named_once_public_with_its_phase_and_timeline(client, submitted, publisher):
    irritant, link = submitted
    project = services.create_project(irritant, publisher)
    html = open_link(client, link).content.decode()
    # A draft: announced without its address.
    assert project.relative_url(project.get_site()) not in html

    project.title = "Inscriptions scolaires en un seul formulaire"
    project.phases = [ProjectPhase(phase="construction", start_date=datetime.date(2024, 3, 1))]
    project.decisions = [
        ProjectDecision(
            date=datetime.date(2024, 2, 20), decision="continue", reason="Les familles y tiennent."
        )
    ]
    project.save_revision().publish()
    project.refresh_from_db()
    html = open_link(client, link).content.decode()
    assert "Inscriptions scolaires en un seul formulaire" in html
    assert "Construction" in html  # the current phase's label
    assert "Les familles y tiennent." in html  # the timeline's decision
    assert f'href="{project.relative_url(project.get_site())}"' in html

    # Restricted: named as being prepared again, without a link.
    PageViewRestriction.objects.create(page=project, restriction_type="login")
    html = open_link(client, link).content.decode()
    assert "Inscriptions scolaires en un seul formulaire" not in html
    assert project.relative_url(project.get_site()) not in html


def test_the_page_is_on_no_public_surface(client, submitted):
    irritant, link = submitted
    host = irritant.territory.site.hostname
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    assert "/suivi/" not in sitemap
    results = client.get("/recherche/", {"q": irritant.reference}, HTTP_HOST=host)
    assert "/suivi/" not in results.content.decode()
    assert "/suivi/" not in client.get("/", HTTP_HOST=host).content.decode()


def test_the_command_issues_a_new_link_and_the_old_one_stops(client, submitted):
    irritant, link = submitted
    out = StringIO()
    call_command("followup_link", irritant.reference, stdout=out)
    (new_link,) = LINK.findall(out.getvalue())
    assert new_link != link
    assert open_link(client, link).status_code == 404
    assert open_link(client, new_link).status_code == 200


def test_the_command_refuses_an_unknown_or_purged_irritant(submitted):
    irritant, _link = submitted
    with pytest.raises(CommandError):
        call_command("followup_link", "IRR-XXXX-XXXX", stdout=StringIO())
    Irritant.objects.filter(pk=irritant.pk).update(anonymised_at=timezone.now())
    with pytest.raises(CommandError):
        call_command("followup_link", irritant.reference, stdout=StringIO())


def test_emails_stopped_can_be_resumed_from_the_page(submitted):
    irritant, link = submitted
    Irritant.objects.filter(pk=irritant.pk).update(notifications_stopped_at=timezone.now())
    browser = Client(enforce_csrf_checks=True)
    html = open_link(browser, link).content.decode()
    assert 'action="/suivi/reprendre/"' in html
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = urlsplit(link).query.removeprefix("cle=")
    host = irritant.territory.site.hostname

    # Without the CSRF token, or with another key: nothing changes.
    assert browser.post("/suivi/reprendre/", {"cle": token}, HTTP_HOST=host).status_code == 403
    wrong = {"cle": token[:-2] + "zz", "csrfmiddlewaretoken": csrf}
    assert browser.post("/suivi/reprendre/", wrong, HTTP_HOST=host).status_code == 404
    irritant.refresh_from_db()
    assert irritant.notifications_stopped_at is not None

    response = browser.post(
        "/suivi/reprendre/", {"cle": token, "csrfmiddlewaretoken": csrf}, HTTP_HOST=host
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    irritant.refresh_from_db()
    assert irritant.notifications_stopped_at is None
    # A GET does not resume anything (a prefetching mail client must not).
    assert browser.get(f"/suivi/reprendre/?cle={token}", HTTP_HOST=host).status_code == 405
