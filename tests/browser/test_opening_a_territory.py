"""A superuser opens a territory from the admin screen, as a network administrator would:
the identifier and host name fill themselves as the name is typed, and the new site is in
preparation: a visitor on a phone gets the coming soon page, which passes axe-core."""

import re

from axe_playwright_python.sync_playwright import Axe


def sign_in(page, demo_server, username, password):
    page.goto(demo_server.format(host="localhost") + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_new_territory_fills_its_address_and_opens_in_preparation(page, browser, demo_server):
    sign_in(page, demo_server, "admin", "admin")
    page.goto(demo_server.format(host="localhost") + "/admin/territories/new/")
    page.locator("#id_name").press_sequentially("Département de la Gironde")
    # The kind of local government is left out of the suggestion.
    assert page.input_value("#id_slug") == "gironde"
    assert page.input_value("#id_hostname") == "gironde.localhost"

    # An identifier typed by hand is the person's: the name no longer changes it, and the
    # host name follows it.
    page.fill("#id_slug", "")
    page.locator("#id_slug").press_sequentially("gironde33")
    page.locator("#id_name").press_sequentially(" ")
    assert page.input_value("#id_slug") == "gironde33"
    assert page.input_value("#id_hostname") == "gironde33.localhost"

    port = re.search(r":(\d+)$", demo_server).group(1)
    page.fill("#id_port", port)
    page.get_by_role("button", name="Ouvrir le territoire").click()
    page.wait_for_url(re.compile(r"/admin/territories/$"))
    row = page.locator("tr", has_text="Département de la Gironde")
    assert "En préparation" in row.inner_text()

    visitor = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 740})
    try:
        phone = visitor.new_page()
        answer = phone.goto(demo_server.format(host="gironde33.localhost") + "/")
        assert answer.status == 404
        assert answer.headers["x-robots-tag"] == "noindex"
        assert phone.locator("h1").inner_text() == "Ce site ouvre bientôt"
        assert "Département de la Gironde" not in phone.content()
        results = Axe().run(phone)
        assert results.violations_count == 0, results.generate_report()
        # Nothing of it on the hub.
        phone.goto(demo_server.format(host="localhost") + "/")
        assert "Gironde" not in phone.content()
    finally:
        visitor.close()
