"""Scheduled publication: a page set to go live later is public in no language before its
time, and in every language once the scheduler has run at its time.

The clock is frozen (time-machine) and moved by hand; the publishing itself goes through the
admin over HTTP and through the scheduler command that `make run` and `make serve` start.
"""

import os
import signal
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.synctree import create_aliases_for_new_page

from projects.models import NewsIndexPage, NewsPage
from tests.accounts import user_in

pytestmark = pytest.mark.django_db

TITLE = "Ouverture du guichet numérique des aidants"
SLUG = "guichet-numerique-des-aidants"
HOST = "var.localhost"


@pytest.fixture
def publisher(client, var):
    client.force_login(user_in(var.publishers, "publication-var-scheduling"))
    return client


@pytest.fixture
def news_index():
    return NewsIndexPage.objects.get(url_path="/var/actualites/")


@pytest.fixture
def clock():
    # Frozen at the start of a minute, so that "in 3 minutes" is an exact admin value.
    start = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=1)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


def admin_datetime(moment):
    # The admin's date-time widget: local time, to the minute.
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def news_form(**fields):
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": SLUG,
            "intro": "Les aidants déposent leur demande en ligne.",
            "date": timezone.localdate().isoformat(),
            "body": streamfield([]),
            "related_projects": inline_formset([]),
            **fields,
        }
    )
    return data


def french_page():
    return NewsPage.objects.get(slug=SLUG, locale=Locale.get_default())


def english_copy(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


PUBLIC_PAGES = {
    "French page": (HOST, f"/actualites/{SLUG}/"),
    "English copy": (HOST, f"/en/actualites/{SLUG}/"),
}
LISTINGS = {
    "French news list": (HOST, "/actualites/"),
    "English news list": (HOST, "/en/actualites/"),
    "French home page": (HOST, "/"),
    "English home page": (HOST, "/en/"),
    "hub": ("localhost", "/"),
    "hub in English": ("localhost", "/en/"),
    "French feed": (HOST, "/flux/rss.xml"),
    "English feed": (HOST, "/en/flux/rss.xml"),
    "hub feed": ("localhost", "/flux/rss.xml"),
    "hub feed in English": ("localhost", "/en/flux/rss.xml"),
    "French search": (HOST, "/recherche/?q=aidants+guichet"),
    "English search": (HOST, "/en/recherche/?q=aidants+guichet"),
}


def what_the_public_sees():
    """Each public surface that shows the news item now, as an anonymous visitor sees it."""
    visitor = Client()  # no session: the page cache serves it like anyone
    shown = set()
    for name, (host, path) in PUBLIC_PAGES.items():
        status = visitor.get(path, HTTP_HOST=host).status_code
        assert status in (200, 404), (name, status)
        if status == 200:
            shown.add(name)
    for name, (host, path) in LISTINGS.items():
        response = visitor.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (name, response.status_code)
        if TITLE in response.content.decode():
            shown.add(name)
    return shown


def assert_public_nowhere():
    assert what_the_public_sees() == set()
    page = french_page()
    assert not page.live
    assert not english_copy(page).live


def assert_public_everywhere_it_belongs():
    shown = what_the_public_sees()
    page = french_page()
    assert page.live and english_copy(page).live
    assert shown == set(PUBLIC_PAGES) | set(LISTINGS)


def run_scheduler_once():
    call_command("run_scheduler", once=True, verbosity=0)


def test_a_news_item_created_for_later_goes_live_in_both_languages_at_its_time(
    publisher, news_index, clock
):
    go_live = timezone.now() + timedelta(minutes=3)
    data = news_form(go_live_at=admin_datetime(go_live))
    data["action-publish"] = "publish"

    response = publisher.post(f"/admin/pages/add/projects/newspage/{news_index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert french_page().go_live_at == go_live
    assert_public_nowhere()

    clock.move_to(go_live - timedelta(seconds=1))
    run_scheduler_once()
    assert_public_nowhere()

    clock.move_to(go_live + timedelta(seconds=30))
    run_scheduler_once()
    assert_public_everywhere_it_belongs()


def test_a_draft_scheduled_from_its_edit_view_stays_private_in_english(
    publisher, news_index, clock
):
    data = news_form()
    data["action-save"] = "save"  # an ordinary draft first: its English copy is made now
    response = publisher.post(f"/admin/pages/add/projects/newspage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = french_page()
    assert english_copy(page).alias_of_id == page.pk

    go_live = timezone.now() + timedelta(minutes=3)
    data = news_form(go_live_at=admin_datetime(go_live))
    data["action-publish"] = "publish"
    response = publisher.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert french_page().go_live_at == go_live
    assert_public_nowhere()

    clock.move_to(go_live + timedelta(seconds=30))
    run_scheduler_once()
    assert_public_everywhere_it_belongs()


def test_a_submission_approved_with_a_go_live_date_waits_for_it_in_every_language(
    client, var, news_index, clock
):
    client.force_login(user_in(var.editors, "redaction-var-scheduling"))
    go_live = timezone.now() + timedelta(minutes=3)
    data = news_form(go_live_at=admin_datetime(go_live))
    data["action-submit"] = "submit"
    response = client.post(f"/admin/pages/add/projects/newspage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = french_page()
    assert english_copy(page).alias_of_id == page.pk

    client.force_login(user_in(var.publishers, "publication-var-scheduling"))
    task_state = page.current_workflow_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    assert response.status_code in (200, 302), response.content.decode()[:3000]
    page = french_page()
    assert page.current_workflow_state is None  # approved: the workflow is over
    assert page.revisions.filter(approved_go_live_at=go_live).exists()
    assert_public_nowhere()

    clock.move_to(go_live + timedelta(seconds=30))
    run_scheduler_once()
    assert_public_everywhere_it_belongs()


def test_no_path_makes_an_automatic_copy_live_before_its_page(news_index, clock):
    """Below the admin: a revision published for later (as Wagtail's API or a script does)."""
    page = news_index.add_child(
        instance=NewsPage(title=TITLE, slug=SLUG, live=False, locale=news_index.locale)
    )
    create_aliases_for_new_page(page)  # as the admin does after creating a page
    alias = english_copy(page)
    page.go_live_at = timezone.now() + timedelta(minutes=3)
    page.save_revision().publish()

    alias.refresh_from_db()
    assert not alias.live
    assert not Page.objects.filter(alias_of=page, live=True).exists()


def test_an_update_scheduled_on_a_live_page_reaches_both_languages_at_its_time(
    publisher, news_index, clock
):
    data = news_form()
    data["action-publish"] = "publish"
    publisher.post(f"/admin/pages/add/projects/newspage/{news_index.pk}/", data)
    page = french_page()
    assert english_copy(page).live

    go_live = timezone.now() + timedelta(minutes=3)
    data = news_form(title="Le guichet numérique des aidants ouvre lundi")
    data["go_live_at"] = admin_datetime(go_live)
    data["action-publish"] = "publish"
    response = publisher.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    visitor = Client()
    for path in (f"/actualites/{SLUG}/", f"/en/actualites/{SLUG}/"):
        html = visitor.get(path, HTTP_HOST=HOST).content.decode()
        assert TITLE in html and "ouvre lundi" not in html

    clock.move_to(go_live + timedelta(seconds=30))
    run_scheduler_once()
    for path in (f"/actualites/{SLUG}/", f"/en/actualites/{SLUG}/"):
        assert "ouvre lundi" in visitor.get(path, HTTP_HOST=HOST).content.decode()


def test_the_scheduler_publishes_at_once_then_stops_cleanly_on_sigterm(news_index, clock):
    page = news_index.add_child(
        instance=NewsPage(title=TITLE, slug=SLUG, live=False, locale=news_index.locale)
    )
    page.go_live_at = timezone.now() + timedelta(minutes=3)
    page.save_revision().publish()
    clock.move_to(page.go_live_at + timedelta(seconds=30))

    # The loop waits a minute between runs; a SIGTERM (make stopping it) ends the wait.
    stopper = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM))
    # As a process started by make has it (an inherited "ignore" would be kept).
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    started = time.monotonic()
    stopper.start()
    try:
        call_command("run_scheduler", interval=60, verbosity=0)
        given_back = signal.getsignal(signal.SIGTERM)
    finally:
        stopper.cancel()
        signal.signal(signal.SIGTERM, previous)

    assert time.monotonic() - started < 10
    assert given_back is signal.SIG_DFL  # the command restored the signal's handling
    page.refresh_from_db()
    assert page.live
