"""The home pages in a real browser: the banner comes from its preload (one download, not
two), without JavaScript too, and the pages fit a 320 px screen and pass axe-core with their
pictures."""

import pytest
from axe_playwright_python.sync_playwright import Axe

HOMES = ["localhost", "var.localhost", "pau.localhost", "grandest.localhost"]


def banner_requests(page):
    return [
        entry
        for entry in page.evaluate(
            "performance.getEntriesByType('resource').map(e => ({name: e.name, "
            "initiator: e.initiatorType}))"
        )
        if ".webp" in entry["name"] and "fill-" in entry["name"]
    ]


@pytest.mark.parametrize("host", HOMES)
def test_the_banner_is_preloaded_once_and_shown_above_the_fold(browser, demo_server, host):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(demo_server.format(host=host) + "/")
    banner = page.locator("img.home-hero__banner")
    assert banner.count() == 1
    page.wait_for_load_state("load")
    assert banner.evaluate("img => img.complete && img.naturalWidth > 0")
    # The preload and the img choose the same file: the browser downloads it once.
    requests = banner_requests(page)
    assert len(requests) == 1, requests
    assert requests[0]["name"] == banner.evaluate("img => img.currentSrc")
    box = banner.bounding_box()
    assert box["y"] + box["height"] / 2 < 800, "the banner is not above the fold"
    context.close()


@pytest.mark.parametrize("host", HOMES)
def test_a_home_page_without_javascript_at_320_px_passes_axe_and_scrolls_only_down(
    browser, demo_server, host
):
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    page = context.new_page()
    response = page.goto(demo_server.format(host=host) + "/")
    assert response.status == 200
    assert page.locator("img.home-hero__banner").evaluate("img => img.naturalWidth > 0")
    assert page.locator(".key-figure--projects").count() == 1
    context.close()

    # axe needs scripts of its own: the same page, at 320 px, with JavaScript.
    context = browser.new_context(locale="fr-FR", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(demo_server.format(host=host) + "/")
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow} px of horizontal scroll at 320 px"
    # The smallest rendition that covers the phone's screen, not the widest.
    width = page.locator("img.home-hero__banner").evaluate("img => img.naturalWidth")
    assert width <= 960
    context.close()
