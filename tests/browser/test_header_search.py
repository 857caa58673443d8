"""The header's search box on every site, on a desktop and a phone: what a visitor types is
readable (axe cannot tell while the box is empty, so the text is typed first), and its
suggestions drop below it, readable, reached with the keyboard, at 1280, 375 and 320 px; on the
search page, the header's box and the page's each have their own."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from demo import content

HOSTS = ["localhost", *(territory["hostname"] for territory in content.TERRITORIES)]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 700}}

# The text's colour and the colour behind it (the first ancestor with an opaque background).
COLOURS = """(element) => {
  const text = getComputedStyle(element).color;
  let node = element, background = "rgba(0, 0, 0, 0)";
  while (node) {
    background = getComputedStyle(node).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(background) && background !== "transparent") break;
    node = node.parentElement;
  }
  return [text, background];
}"""


def channels(css):
    return [int(float(part)) for part in css[css.index("(") + 1 : -1].split(",")[:3]]


def luminance(rgb):
    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("host", HOSTS)
def test_what_is_typed_in_the_header_search_box_is_readable(browser, demo_server, host, viewport):
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    assert page.goto(demo_server.format(host=host) + "/").status == 200
    box = page.locator(".site-header #site-search-q")
    box.fill("aidants à domicile")
    text, background = box.evaluate(COLOURS)
    ratio = contrast(channels(text), channels(background))
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"
    # With text in the box, axe checks it too.
    results = Axe().run(page, context=".site-header")
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


# The suggestions under the header's box (search/static/search/autocomplete.js): what is typed,
# a title it starts, the site's own (a territory) or the whole network's (the hub).
SUGGESTED = {"pau.localhost": ("poubel", "Poubelles Battle"), "localhost": ("meli", "Méli-mélo")}
WIDTHS = {"desktop": 1280, "phone": 375, "narrow": 320}
STATUS = "Suggestions sous le champ de recherche :"


def header_box(page):
    return page.locator(".site-header #site-search-q")


def open_page(browser, url, locale="fr-FR"):
    """A new desktop browser tab on ``url`` (its context closed by ``page.context.close()``)."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url)
    return page


def open_suggestions(page, box, typed, title):
    if not box.evaluate("box => box === document.activeElement"):
        box.click()
    box.press_sequentially(typed)
    suggestions = page.locator(f"#{box.get_attribute('id')}-suggestions")
    suggestions.get_by_role("link", name=title).first.wait_for()
    return suggestions


@pytest.mark.parametrize("width", WIDTHS.values(), ids=list(WIDTHS))
@pytest.mark.parametrize("host", SUGGESTED)
def test_the_header_box_suggests_pages_reached_with_the_keyboard(browser, demo_server, host, width):
    typed, title = SUGGESTED[host]
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(demo_server.format(host=host) + "/")
    header = page.locator(".site-header")
    header_height = header.bounding_box()["height"]
    content_top = page.locator("main").bounding_box()["y"]
    box = header_box(page)

    suggestions = open_suggestions(page, box, typed, title)
    links = suggestions.get_by_role("link")
    count = links.count()
    status = page.locator("#site-search-q-suggestions-status")
    assert status.get_attribute("role") == "status"
    assert status.text_content() == f"{STATUS} {count}"
    assert box.get_attribute("aria-controls") == "site-search-q-suggestions"

    # Below the box, over the page: the header and what follows it have not moved.
    box_area, list_area = box.bounding_box(), suggestions.bounding_box()
    assert list_area["y"] >= box_area["y"] + box_area["height"]
    assert header.bounding_box()["height"] == header_height
    assert page.locator("main").bounding_box()["y"] == content_top
    # Inside the screen, and nothing scrolls sideways.
    assert 0 <= list_area["x"] and list_area["x"] + list_area["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Readable on the header's colour: dark text on the list's white, the detail too.
    for element in (links.first, links.first.locator("small")):
        text, background = element.evaluate(COLOURS)
        ratio = contrast(channels(text), channels(background))
        assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"

    # axe on the header with the list open.
    results = Axe().run(page, context=".site-header")
    assert results.violations_count == 0, results.generate_report()

    # The down arrow reaches the list, the arrows move in it, up from the first goes back.
    box.press("ArrowDown")
    assert links.first.evaluate("link => link === document.activeElement")
    if count > 1:
        page.keyboard.press("ArrowDown")
        assert links.nth(1).evaluate("link => link === document.activeElement")
        page.keyboard.press("ArrowUp")
    assert links.first.evaluate("link => link === document.activeElement")
    page.keyboard.press("ArrowUp")
    assert box.evaluate("box => box === document.activeElement")
    # Escape closes the list, keeps the focus and what was typed.
    box.press("ArrowDown")
    page.keyboard.press("Escape")
    assert suggestions.is_hidden()
    assert box.evaluate("box => box === document.activeElement")
    assert box.input_value() == typed
    assert status.text_content() == ""

    # Again, and a suggestion followed from the keyboard.
    box.press("Backspace")
    open_suggestions(page, box, typed[-1], title)
    box.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    assert page.locator("h1").first.text_content().strip() != ""
    page.context.close()


def test_the_suggestions_close_when_the_focus_leaves(browser, demo_server):
    page = open_page(browser, demo_server.format(host="pau.localhost") + "/")
    box = header_box(page)
    suggestions = open_suggestions(page, box, "poubel", "Poubelles Battle")
    page.locator("main h1").click()
    assert suggestions.is_hidden()
    box.fill("")
    suggestions = open_suggestions(page, box, "poubel", "Poubelles Battle")
    page.keyboard.press("Shift+Tab")  # to the brand's link, before the box
    assert suggestions.is_hidden()
    page.context.close()


def test_an_answer_that_comes_after_the_visitor_left_opens_nothing(browser, demo_server):
    page = open_page(browser, demo_server.format(host="pau.localhost") + "/")
    box = header_box(page)
    box.click()
    box.press_sequentially("poubel")
    # Within the script's 200 ms pause: the lookup starts after the visitor left.
    page.locator("main h1").click()
    page.wait_for_timeout(1000)
    assert page.locator("#site-search-q-suggestions").is_hidden()
    page.context.close()


def test_an_english_page_marks_the_french_titles_it_suggests(browser, demo_server):
    page = open_page(browser, demo_server.format(host="localhost") + "/en/", locale="en-GB")
    suggestions = open_suggestions(page, header_box(page), "meli", "Méli-mélo")
    # Méli-mélo is not translated: its title is French on an English page; Pau's name is
    # in English.
    titles = suggestions.locator("a > span")
    french = [
        title.get_attribute("lang") for title in titles.all() if title.text_content() == "Méli-mélo"
    ]
    assert french == ["fr"]
    assert all(
        name.get_attribute("lang") is None for name in suggestions.locator("small span").all()
    )
    results = Axe().run(page, context=".site-header")
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


def test_the_search_page_s_two_boxes_each_suggest_on_their_own(browser, demo_server):
    page = open_page(browser, demo_server.format(host="pau.localhost") + "/recherche/")
    # One script for both boxes, run once: one list and one status per box.
    assert page.locator("script[src$='search/autocomplete.js']").count() == 1
    assert page.locator(".search-suggestions").count() == 2
    assert page.locator("[role=status][id$='-suggestions-status']").count() == 2

    header = open_suggestions(page, header_box(page), "poubel", "Poubelles Battle")
    own = page.locator("#search-q-suggestions")
    assert own.is_hidden()
    assert page.locator("#search-q-suggestions-status").text_content() == ""

    box = page.locator("main #search-q")
    own = open_suggestions(page, box, "meli", "Méli-mélo")
    # The header's list closed when the focus left its box; this one is the page's, under it.
    assert header.is_hidden()
    assert page.locator("main .search-form #search-q-suggestions").count() == 1
    assert "Poubelles Battle" not in own.text_content()
    count = own.get_by_role("link").count()
    assert page.locator("#search-q-suggestions-status").text_content() == f"{STATUS} {count}"
    assert page.locator("#site-search-q-suggestions-status").text_content() == ""
    box.press("ArrowDown")
    assert own.get_by_role("link").first.evaluate("link => link === document.activeElement")
    page.keyboard.press("Escape")
    assert own.is_hidden() and box.evaluate("box => box === document.activeElement")
    assert header_box(page).input_value() == "poubel"
    page.context.close()
