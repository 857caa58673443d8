"""Closing the loop in a real browser, as its users meet it: with JavaScript off, and axe-core.

The agent who reported an irritant follows it on its private page and stops the emails; a
citizen on a phone follows a project's or a territory's news by email (double opt-in) and
unsubscribes. Every link comes from the emails the demo server printed (its email backend is
the console, its output goes to ``server.log``), as a person would click it.

axe-core is JavaScript run in the page: each page met with JavaScript off is checked by
serving the very HTML received to a JavaScript-enabled browser at the same address (its
styles and images still come from the server), so that forms' results (POST) are checked too.
"""

import email
import email.policy
import os
import re
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import ROOT

PAU = "pau.localhost"
VAR = "var.localhost"
CALL = "/appels/appel-a-irritants-saison-2/"
PHONE = {"width": 375, "height": 812}
# `make screenshots` (SCREENSHOTS_DIR) keeps these pages as a phone shows them.
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")
LINK = re.compile(r"https?://[^\s<>\"]+")


# The demo server's folder, its database and its log -----------------------------------


@pytest.fixture(scope="session")
def demo_folder(demo_server, tmp_path_factory):
    """The folder of conftest's ``demo_server`` (``mktemp("demo-server")``): one per session."""
    # pytest also links ``demo-servercurrent`` to the newest one.
    folders = {
        folder.resolve()
        for folder in tmp_path_factory.getbasetemp().glob("demo-server*")
        if (folder / "server.log").exists()
    }
    assert len(folders) == 1, folders
    return folders.pop()


def manage(folder, *arguments):
    """A management command against the demo server's database, as the fixture runs them."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "IRRITANTS_PRIVATE_ROOT": str(folder / "private"),
        "DEBUG": "true",
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def shell(folder, code):
    """What ``code`` prints, run by ``manage.py shell`` (its last line: the shell may first
    say what it imported)."""
    return manage(folder, "shell", "-c", code).splitlines()[-1]


def emails_to(folder, recipient, count=1, timeout=10):
    """The bodies (plain text) of the emails the console backend printed for ``recipient``."""
    deadline = time.monotonic() + timeout
    while True:
        log = (folder / "server.log").read_text(encoding="utf-8", errors="replace")
        bodies = []
        # Django's console backend prints each message, then a line of 79 dashes.
        for chunk in log.split("-" * 79):
            start = chunk.find("Content-Type:")
            if start < 0:
                continue
            message = email.message_from_string(chunk[start:].lstrip(), policy=email.policy.default)
            if recipient in (message["To"] or ""):
                bodies.append(message.get_body(preferencelist=("plain",)).get_content())
        if len(bodies) >= count or time.monotonic() > deadline:
            assert len(bodies) >= count, f"no email to {recipient} in the server's log"
            return bodies
        time.sleep(0.2)


def link_in(body, path):
    """The link of ``body`` whose path is ``path``, as it was sent."""
    links = [link for link in LINK.findall(body) if urlsplit(link).path == path]
    assert links, f"no link to {path} in:\n{body}"
    return links[0]


def on_server(demo_server, host, link):
    """``link`` (from an email or a command) at the test server's address for ``host``."""
    parts = urlsplit(link)
    assert parts.hostname == host, link
    return demo_server.format(host=host) + parts.path + (f"?{parts.query}" if parts.query else "")


def fetch(demo_server, host, path):
    """GET ``path`` on ``host`` without a browser (a feed reader's request)."""
    port = urlsplit(demo_server).port
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": f"{host}:{port}"}
    )
    return urllib.request.urlopen(request, timeout=10)


# Browsers ----------------------------------------------------------------------------


@pytest.fixture
def no_js(browser):
    """A desktop browser with JavaScript off."""
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    """A phone's screen, JavaScript off."""
    context = browser.new_context(
        java_script_enabled=False, locale="fr-FR", viewport=PHONE, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def assert_axe_passes(browser, page, viewport=None):
    """axe-core on exactly what ``page`` shows (met without JavaScript), in a browser that
    runs it: the same HTML at the same address, with the server's styles."""
    html = page.content()
    url = page.url
    context = browser.new_context(
        locale="fr-FR", viewport=viewport or {"width": 1280, "height": 800}
    )
    try:
        checked = context.new_page()
        checked.route(
            url,
            lambda route: route.fulfill(
                status=200, body=html, content_type="text/html; charset=utf-8"
            ),
        )
        checked.goto(url)
        results = Axe().run(checked)
        assert results.violations_count == 0, f"{url}\n{results.generate_report()}"
    finally:
        context.close()


def assert_fits(page, name):
    """Nothing wider than the phone's screen; a screenshot when asked for."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"loop-{name}.png"), full_page=True)


class RefusedByCsrf(AssertionError):
    """A form of these pages answered 403 (the CSRF check)."""


def submit(page):
    with page.expect_navigation() as navigation:
        page.click("main button[type=submit]")
    if navigation.value.status == 403:
        raise RefusedByCsrf(f"POST {page.url} was refused: 403")


def assert_private(response):
    assert response.status == 200
    assert "no-store" in response.headers["cache-control"]
    assert response.headers["referrer-policy"] == "strict-origin"


# The agent ---------------------------------------------------------------------------


def test_an_agent_follows_an_irritant_and_stops_the_emails_without_javascript(
    browser, no_js, demo_server, demo_folder
):
    address = f"agent-{uuid.uuid4().hex[:8]}@example.org"
    title = "Les jeunes ne trouvent pas les sorties à petit prix"
    page = no_js
    page.goto(demo_server.format(host=PAU) + CALL)
    page.fill("#id_title", title)
    page.fill(
        "#id_problem",
        "Les jeunes de 18 à 25 ans demandent à l'accueil où faire du sport ou voir un "
        "spectacle à petit prix : les offres sont éparpillées sur trop de sites.",
    )
    page.fill("#id_consequences", "Des offres gratuites qui restent vides.")
    page.fill("#id_people_affected", "Les 18-25 ans de l'agglomération")
    page.fill("#id_service", "Jeunesse")
    page.fill("#id_submitter_name", "Sam Lefort")
    page.fill("#id_submitter_email", address)
    page.fill("#id_submitter_service", "Jeunesse")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("button[type=submit] >> text=Envoyer mon irritant")

    # The confirmation: the reference, and « Déjà résolu ailleurs ? » from what was typed.
    assert "/merci/" in urlsplit(page.url).path
    reference = re.search(r"IRR-[A-Z0-9-]+", page.inner_text("main")).group(0)
    assert page.locator(".similar-projects .search-result").count() >= 1
    assert_axe_passes(browser, page)

    # The acknowledgement email carries the private link; the page needs no script.
    (acknowledgement,) = emails_to(demo_folder, address)
    assert reference in acknowledgement
    followup = on_server(demo_server, PAU, link_in(acknowledgement, "/suivi/"))
    response = page.goto(followup)
    assert_private(response)
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    main = page.inner_text("main")
    assert reference in main and title in main
    assert page.locator("main ol.timeline > li").count() >= 1  # the status history
    assert_axe_passes(browser, page)

    # « Stop the emails », from the follow-up page: a confirmation, then done.
    submit(page)
    assert urlsplit(page.url).path == "/suivi/desabonner/"
    assert reference in page.inner_text("main")
    assert page.locator("main [role=status]").count() == 1
    assert_axe_passes(browser, page)

    # The follow-up page still works, says so, and offers to start the emails again.
    page.goto(followup)
    assert page.locator("form[action='/suivi/reprendre/']").count() == 1
    assert page.locator("form[action='/suivi/desabonner/']").count() == 0
    assert_axe_passes(browser, page)
    submit(page)
    assert page.locator("main [role=status]").count() == 1
    assert page.locator("form[action='/suivi/desabonner/']").count() == 1


def test_the_unsubscribe_link_of_an_email_works_without_javascript(
    browser, no_js, demo_server, demo_folder
):
    """The link every email to the agent carries: a page with a button, then done."""
    reference = shell(
        demo_folder,
        "from irritants.models import Irritant; "
        "print(Irritant.objects.filter(call__url_path='/pau/appels/appel-a-irritants-saison-2/', "
        "project__isnull=True, anonymised_at__isnull=True).order_by('pk').first().reference)",
    )
    # A new follow-up link, then the unsubscribe link its emails carry (followup.py).
    manage(demo_folder, "followup_link", reference)
    link = shell(
        demo_folder,
        "from irritants.models import Irritant; from irritants.followup import unsubscribe_url; "
        f"print(unsubscribe_url(Irritant.objects.get(reference='{reference}')))",
    )
    page = no_js
    response = page.goto(on_server(demo_server, PAU, link))
    assert_private(response)
    assert reference in page.inner_text("main")
    assert page.locator("main [role=status]").count() == 0
    assert_axe_passes(browser, page)
    submit(page)
    assert page.locator("main [role=status]").count() == 1
    assert_axe_passes(browser, page)


def test_the_demo_irritant_that_became_a_project_shows_it(browser, no_js, demo_server, demo_folder):
    reference = shell(
        demo_folder,
        "from irritants.models import Irritant; "
        "print(Irritant.objects.get(project__url_path='/pau/projets/meli-melo/').reference)",
    )
    link = manage(demo_folder, "followup_link", reference)
    page = no_js
    assert_private(page.goto(on_server(demo_server, PAU, link)))
    main = page.inner_text("main")
    assert reference in main
    assert "Méli-mélo" in main
    # The project's current phase beside its link, and marked once in its timeline.
    assert page.locator("main p:has(> a[href='/projets/meli-melo/']) > .badge").count() == 1
    assert page.locator("main ol.timeline .badge:has-text('phase actuelle')").count() == 1
    assert page.locator("main ol.timeline").count() == 2  # the irritant's, the project's
    assert page.locator("main a[href='/projets/meli-melo/']").count() >= 1
    assert_axe_passes(browser, page)
    with page.expect_navigation():
        page.locator("main a[href='/projets/meli-melo/']").first.click()
    assert urlsplit(page.url).path == "/projets/meli-melo/"


# The citizen on a phone --------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "path", "name"),
    [(PAU, "/projets/meli-melo/", "project"), (VAR, "/actualites/", "news-index")],
)
def test_a_citizen_on_a_phone_subscribes_confirms_and_unsubscribes_without_javascript(
    browser, phone, demo_server, demo_folder, host, path, name
):
    address = f"citoyen-{uuid.uuid4().hex[:8]}@example.org"
    page = phone
    assert page.goto(demo_server.format(host=host) + path).status == 200
    follow = page.locator("section.follow")
    assert follow.is_visible()
    button = follow.locator("a.button")
    assert button.is_visible()
    # The feeds are next to it, and answer.
    feeds = [follow.locator("a").nth(i).get_attribute("href") for i in (1, 2)]
    assert any("rss" in feed for feed in feeds) and any("atom" in feed for feed in feeds)
    for feed in feeds:
        assert fetch(demo_server, host, feed).status == 200
    follow.scroll_into_view_if_needed()
    assert_fits(page, f"{name}-follow")

    # The form.
    with page.expect_navigation():
        button.click()
    assert urlsplit(page.url).path == "/abonnement/"
    assert page.locator('meta[name="robots"][content="noindex"]').count() == 1
    assert_fits(page, f"{name}-form")
    assert_axe_passes(browser, page, PHONE)

    # A mistyped address: a message, linked to its field, and nothing lost.
    page.fill("#id_email", "citoyen@")
    submit(page)
    assert page.locator("#form-errors").get_attribute("role") == "alert"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.input_value("#id_email") == "citoyen@"
    assert_axe_passes(browser, page, PHONE)

    # « Check your inbox ».
    page.fill("#id_email", address)
    submit(page)
    assert address in page.inner_text("main")
    assert_fits(page, f"{name}-sent")
    assert_axe_passes(browser, page, PHONE)

    # The confirmation link: GET shows a button (mail scanners open links), POST confirms.
    (confirmation,) = emails_to(demo_folder, address)
    confirm = on_server(demo_server, host, link_in(confirmation, "/abonnement/confirmer/"))
    assert_private(page.goto(confirm))
    assert address in page.inner_text("main")
    assert_fits(page, f"{name}-confirm")
    assert_axe_passes(browser, page, PHONE)
    submit(page)
    assert page.locator("main a[href^='/abonnement/desabonner/']").count() == 1
    assert_fits(page, f"{name}-confirmed")
    assert_axe_passes(browser, page, PHONE)

    # Unsubscribing, from the link of the email: what stops, a button, then done.
    unsubscribe = on_server(demo_server, host, link_in(confirmation, "/abonnement/desabonner/"))
    assert_private(page.goto(unsubscribe))
    assert page.locator("main li").count() >= 1  # what this address follows
    assert_fits(page, f"{name}-unsubscribe")
    assert_axe_passes(browser, page, PHONE)
    submit(page)
    assert urlsplit(page.url).path == "/abonnement/desabonner/"
    assert_fits(page, f"{name}-unsubscribed")
    assert_axe_passes(browser, page, PHONE)
    # The address is erased: its links open nothing any more.
    assert page.goto(unsubscribe).status == 404
    assert page.goto(confirm).status == 404
