"""Language of parts (WCAG 3.1.2, RGAA 8.7; issue 21) on every English page of the demo.

English pages show the French text of the pages not translated yet (their English aliases):
in cards, listings, search results, breadcrumbs, the menu. Each such text must sit in an
element whose closest [lang] is "fr", and each English text in one whose closest [lang] is
"en". The English pages are found by following the links of each site's English home, so a
new page type is checked as soon as something links to it.
"""

from urllib.parse import urljoin, urlsplit

import pytest

from demo import content, content_en

HUB = "localhost"
HOSTS = [HUB, *(territory["hostname"] for territory in content.TERRITORIES)]
# Enough for every page type of a demo site (each has fewer pages).
MAX_PAGES_PER_SITE = 60
TEXT_KEYS = {"title", "pitch", "summary"}
NOT_PAGES = ("/en/api/", "/en/flux/", "/media/", "/static/", "/admin/", "/documents/")


def strings(data, keys=None):
    """Every string in ``data`` (nested dicts, lists and tuples), under ``keys`` if given."""
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                if keys is None or key in keys:
                    found.add(" ".join(value.split()))
            else:
                found |= strings(value, keys)
    elif isinstance(data, list | tuple):
        for value in data:
            if isinstance(value, str):
                if keys is None:
                    found.add(" ".join(value.split()))
            else:
                found |= strings(value, keys)
    return found


ENGLISH_ANYWHERE = strings(content_en.TERRITORIES) | strings(content_en.TERM_NAMES)
# Titles, names and summaries of the demo's French pages; those the English demo writes the
# same way (names of people, of services) are in both languages, so neither.
FRENCH_TEXTS = (
    strings(content.TERRITORIES, TEXT_KEYS)
    | strings(content.NETWORK, TEXT_KEYS)
    | {territory["name"] for territory in content.TERRITORIES}
) - ENGLISH_ANYWHERE
ENGLISH_TEXTS = (
    strings(content_en.TERRITORIES, TEXT_KEYS) - FRENCH_TEXTS - strings(content.TERRITORIES)
)

# The text nodes of a page whose content is one of ``texts``, with the language of their
# closest [lang] element (the <html> element's at worst); visible or not (screen readers
# read visually hidden text too); under the elements ``within`` selects.
LANGUAGES_OF = """([texts, within]) => {
  const wanted = new Set(texts);
  const found = [];
  for (const root of document.querySelectorAll(within)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
      const element = walker.currentNode.parentElement;
      if (!wanted.has(text) || element.closest("script, style, template")) continue;
      found.push([text, element.closest("[lang]").getAttribute("lang"), element.outerHTML]);
    }
  }
  return found;
}"""
# What the pages' own templates show; the header and footer (base.html) are checked apart.
CONTENT = "body > :not(.site-header):not(.site-footer)"
FRAME = ".site-header, .site-footer"

LINKS = """() => Array.from(document.querySelectorAll("a[href]"), (a) => a.href)"""


def english_pages(page, base):
    """The English HTML pages of one site, following links from its English home."""
    seen, queue, pages = set(), ["/en/"], []
    host = urlsplit(base).netloc
    while queue and len(pages) < MAX_PAGES_PER_SITE:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(base + path)
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        # A broken page would hide what it shows: every page linked must answer.
        assert response.status == 200, (path, response.status)
        pages.append(path)
        for href in page.evaluate(LINKS):
            link = urlsplit(urljoin(base + path, href))
            target = link.path + (f"?{link.query}" if link.query else "")
            if (
                link.netloc == host
                and link.path.startswith("/en/")
                and not link.path.startswith(NOT_PAGES)
                and "page=" not in link.query
                and target not in seen
            ):
                queue.append(target)
    return pages


def languages_of(page, texts, within=CONTENT):
    return page.evaluate(LANGUAGES_OF, [sorted(texts), within])


def mislabelled(found, language):
    return [(text, lang, html[:200]) for text, lang, html in found if lang != language]


@pytest.fixture
def english_page(browser):
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("host", HOSTS)
def test_every_english_page_marks_french_text_as_french(english_page, demo_server, host):
    base = demo_server.format(host=host)
    paths = english_pages(english_page, base)
    # A search that finds untranslated pages, and the hub's catalogue and projects to reuse.
    paths += ["/en/recherche/?q=projet", "/en/recherche/?q=agents"]
    if host == HUB:
        paths += ["/en/catalogue/", "/en/catalogue/a-reutiliser/"]
    french_seen, problems = 0, {}
    for path in dict.fromkeys(paths):
        response = english_page.goto(base + path)
        assert response.status == 200, path
        assert english_page.get_attribute("html", "lang") == "en", path
        found = languages_of(english_page, FRENCH_TEXTS)
        french_seen += len(found)
        wrong = mislabelled(found, "fr")
        wrong += mislabelled(languages_of(english_page, ENGLISH_TEXTS), "en")
        if wrong:
            problems[path] = wrong
    assert not problems, problems
    # The check saw untranslated text: the demo leaves most of each site in French only.
    assert french_seen, f"no French title met on {host}'s English pages: the check saw nothing"


@pytest.mark.parametrize("host", ["var.localhost", HUB])
def test_the_language_switcher_names_each_language_in_itself(english_page, demo_server, host):
    english_page.goto(demo_server.format(host=host) + "/en/")
    links = english_page.locator(".language-switcher a")
    assert links.count() == 2
    names = {}
    for index in range(links.count()):
        link = links.nth(index)
        assert link.get_attribute("lang") == link.get_attribute("hreflang")
        names[link.get_attribute("lang")] = link.inner_text()
    assert names == {"fr": "Français", "en": "English"}


def test_marked_elements_on_the_english_catalogue_hold_french_titles(english_page, demo_server):
    english_page.goto(demo_server.format(host=HUB) + "/en/catalogue/")
    marked = english_page.locator('.cards [lang="fr"]')
    assert marked.count() > 0, "the English catalogue shows untranslated projects"
    for index in range(marked.count()):
        element = marked.nth(index)
        text = " ".join(element.inner_text().split())
        assert text not in ENGLISH_TEXTS, text
    # A translated project's card carries no lang: its text is the page's language.
    titles = english_page.locator(".cards .card__title a:not([lang])")
    assert titles.count() > 0, "the English catalogue shows translated projects too"
    for index in range(titles.count()):
        assert " ".join(titles.nth(index).inner_text().split()) not in FRENCH_TEXTS


@pytest.mark.parametrize("host", [HUB, "var.localhost"])
def test_the_header_and_footer_mark_french_text_as_french(english_page, demo_server, host):
    base = demo_server.format(host=host)
    english_page.goto(base + "/")
    # The French menu's labels: the English menu repeats those of untranslated sections.
    french_menu = {
        " ".join(text.split()) for text in english_page.locator(".site-nav a").all_inner_texts()
    }
    english_page.goto(base + "/en/")
    found = languages_of(english_page, FRENCH_TEXTS | (french_menu - ENGLISH_ANYWHERE), FRAME)
    assert found, "the English home's header shows French text: the check sees it"
    assert not mislabelled(found, "fr")
