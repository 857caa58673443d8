"""Every page type of every demo site in a real browser: axe-core, a 320 px screen, the
keyboard, no JavaScript, and the weight of a project page."""

import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from demo import content

HUB = "localhost"
HUB_PAGES = {
    "hub": "/",
    "content": f"/{content.NETWORK['method_page']['slug']}/",
    "accessibility": "/accessibilite/",
    "catalogue": "/catalogue/",
    "reusable": "/catalogue/a-reutiliser/",
    "search": "/recherche/?q=agents",
    # No result: the themes it proposes instead.
    "search-no-result": "/recherche/?q=zzzqqq",
}


def territory_pages(territory):
    return {
        "territory-home": "/",
        "call-index": "/appels/",
        "call": f"/appels/{territory['calls'][0]['slug']}/",
        "project-index": "/projets/",
        "project": f"/projets/{territory['projects'][0]['slug']}/",
        "news-index": "/actualites/",
        "news": f"/actualites/{territory['news'][0]['slug']}/",
        "results": "/resultats/",
        "about": "/a-propos/",
        "accessibility": "/accessibilite/",
        "search": "/recherche/?q=projet",
        "english-home": "/en/",
    }


PAGES = [(HUB, name, path) for name, path in HUB_PAGES.items()] + [
    (territory["hostname"], name, path)
    for territory in content.TERRITORIES
    for name, path in territory_pages(territory).items()
]
HOSTS = [HUB, *(territory["hostname"] for territory in content.TERRITORIES)]
# `make screenshots` saves each page type of the hub and of one territory there.
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")
SCREENSHOT_HOSTS = {HUB, "var.localhost"}


@pytest.mark.parametrize(("host", "name", "path"), PAGES, ids=[f"{h}{p}" for h, _n, p in PAGES])
def test_every_page_type_passes_axe_and_fits_a_320_px_screen(
    browser, demo_server, host, name, path
):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    response = page.goto(demo_server.format(host=host) + path)
    assert response.status == 200
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1
    assert page.locator("main").count() == 1
    if SCREENSHOTS and host in SCREENSHOT_HOSTS:
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        prefix = "hub" if host == HUB else host.split(".")[0]
        # The home pages whole: what a visitor scrolls through (banner, figures, cards), their
        # lazy pictures loaded first.
        if name in ("hub", "territory-home"):
            page.evaluate(
                "Promise.all([...document.images].map(image => "
                "{ image.loading = 'eager'; return image.decode().catch(() => null); }))"
            )
        page.screenshot(
            path=folder / f"{prefix}-{name}.png", full_page=name in ("hub", "territory-home")
        )

    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{overflow} px of horizontal scroll at 320 px"
    if SCREENSHOTS and host in SCREENSHOT_HOSTS and name in ("hub", "territory-home", "project"):
        page.screenshot(path=Path(SCREENSHOTS) / f"{prefix}-{name}-320px.png")
    context.close()


def test_the_keyboard_reaches_the_content_then_every_menu_link_shows_its_focus(page, demo_server):
    page.goto(demo_server.format(host="var.localhost") + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")

    page.goto(demo_server.format(host="var.localhost") + "/")
    menu = page.locator(".site-nav a").all_inner_texts()
    assert menu, "the header has no menu"
    reached = []
    # The header's other controls come first; stop once the focus leaves the menu.
    for _step in range(len(menu) + 30):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        if page.evaluate("element => element.closest('.site-nav') !== null", focused):
            reached.append(page.evaluate("element => element.innerText", focused))
            outline = page.evaluate("element => getComputedStyle(element).outlineStyle", focused)
            assert outline != "none", "the focused menu link shows no outline"
        elif reached:
            break
    assert reached == menu


@pytest.mark.parametrize("host", HOSTS)
def test_every_menu_link_opens_a_page_of_the_same_site(page, demo_server, host):
    base = demo_server.format(host=host)
    page.goto(base + "/")
    links = page.locator(".site-nav a")
    targets = [
        (links.nth(number).inner_text(), links.nth(number).get_attribute("href"))
        for number in range(links.count())
    ]
    for text, href in targets:
        url = urljoin(base + "/", href)
        assert urlsplit(url).netloc == urlsplit(base).netloc, (text, href)
        response = page.goto(url)
        assert response.status == 200, (text, href)
        assert page.locator("h1").count() == 1
        current = page.locator(".site-nav a[aria-current='page']")
        assert current.count() == 1 and current.inner_text() == text


def test_pages_and_search_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(demo_server.format(host="pau.localhost") + "/")
    page.fill("#site-search-q", "composteurs")
    with page.expect_navigation():
        page.click(".site-search button")
    assert "/recherche/?q=composteurs" in page.url
    assert page.locator(".search-result").count() >= 1
    page.locator(".search-result a").first.click()
    assert page.locator("h1").count() == 1
    context.close()


def test_a_project_page_weighs_under_100_kb_and_its_images_are_responsive(page, demo_server):
    transferred = {}

    def count(response):
        if response.request.resource_type in ("document", "stylesheet", "script"):
            transferred[response.url] = len(response.body())

    page.on("response", count)
    for territory in content.TERRITORIES:
        transferred.clear()
        project = territory_pages(territory)["project"]
        page.goto(demo_server.format(host=territory["hostname"]) + project)
        page.wait_for_load_state("networkidle")
        total = sum(transferred.values())
        assert total < 100_000, (project, total, transferred)

    page.goto(demo_server.format(host=HUB) + HUB_PAGES["content"])
    figure = page.locator(".figure img")
    assert figure.get_attribute("loading") == "lazy"
    assert page.locator(".figure source[type='image/webp']").count() == 1
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.figure img').complete")
    assert page.evaluate("document.querySelector('.figure img').currentSrc").endswith(".webp")
