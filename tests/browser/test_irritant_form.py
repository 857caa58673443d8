"""The irritant form in a real browser, with the keyboard only, and checked by axe-core."""

from axe_playwright_python.sync_playwright import Axe

CALL = "/appels/appel-a-irritants-saison-2/"


def test_the_call_page_passes_axe(page, demo_server):
    page.goto(demo_server.format(host="pau.localhost") + CALL)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_an_agent_submits_an_irritant_with_the_keyboard_only(page, demo_server):
    page.goto(demo_server.format(host="pau.localhost") + CALL)
    # The skip link is the first stop and leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#content"
    page.keyboard.press("Enter")
    answers = {
        "id_title": "Le même justificatif demandé trois fois",
        "id_problem": "Chaque mois, des dizaines d'usagers apportent trois fois le même "
        "justificatif de domicile.",
        "id_consequences": "Des allers-retours et des dossiers en attente.",
        "id_people_affected": "Environ 600 usagers par an",
        "id_service": "Accueil de la mairie",
        "id_submitter_name": "Alex Durand",
        "id_submitter_email": "alex.durand@example.org",
        "id_submitter_service": "Accueil",
    }
    filled = set()
    # Walk the page with Tab, typing into each field as focus reaches it.
    for _step in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        if focused in answers and focused not in filled:
            page.keyboard.type(answers[focused])
            filled.add(focused)
        elif focused == "id_consent":
            page.keyboard.press("Space")
        elif page.evaluate("document.activeElement.type") == "submit" and filled == set(answers):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            break
    assert filled == set(answers)
    assert "/merci/" in page.url
    assert "IRR-" in page.inner_text("main")


def test_errors_are_announced_and_linked_to_their_fields(page, demo_server):
    page.goto(demo_server.format(host="pau.localhost") + CALL)
    page.click("button[type=submit] >> text=Envoyer mon irritant")
    summary = page.locator("#form-errors")
    assert summary.get_attribute("role") == "alert"
    assert page.locator("#id_title").get_attribute("aria-invalid") == "true"
    assert "id_title_error" in page.locator("#id_title").get_attribute("aria-describedby")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
