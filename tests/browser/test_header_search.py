"""The header's search box on every site, on a desktop and a phone: what a visitor types is
readable (axe cannot tell while the box is empty, so the text is typed first)."""

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
    context.close()
