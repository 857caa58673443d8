"""A territory's editor opens the English translation of their home page in wagtail-localize's
editor, in the French admin: the heading of the segments is French, the languages named in
French, although the editor's bundle writes « français to English translation »
(home/static/home/translation-editor-heading.js), and it stays French as they work."""

import re

from playwright.sync_api import expect

HEADING = "Traduction : Français → Anglais"
ENGLISH_HEADING = re.compile(r"\bto .* translation\b", re.IGNORECASE)


def visible_text(page):
    return page.locator("body").inner_text()


def test_the_translation_editor_heads_its_segments_in_french(page, demo_server):
    page.goto(demo_server.format(host="localhost") + "/admin/login/")
    page.fill("#id_username", "redaction-pau")
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    # The home page's English translation, from the page explorer, as the editor reaches it.
    page.goto(demo_server.format(host="localhost") + "/admin/pages/")
    page.locator("tr", has_text="English").locator("a[href$='/edit/']").first.click()
    editor = page.locator(".js-translation-editor")
    heading = editor.get_by_role("heading", name=HEADING, exact=True)
    expect(heading).to_be_visible()
    assert not ENGLISH_HEADING.search(visible_text(page))

    # The other tab has its own heading, French too.
    editor.get_by_role("tab", name="Promotion").click()
    expect(heading).to_be_visible()
    assert not ENGLISH_HEADING.search(visible_text(page))

    # Editing a segment renders the editor again: the heading stays French.
    editor.get_by_role("tab", name="Contenu").click()
    editor.locator("button:visible", has_text="Modifier").first.click()
    expect(editor.locator("textarea:visible").first).to_be_visible()
    expect(heading).to_be_visible()
    assert not ENGLISH_HEADING.search(visible_text(page))
