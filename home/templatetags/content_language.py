"""The language of another page's text shown on a page (WCAG 3.1.2, RGAA 8.7).

An English page lists French text wherever a page is not translated yet: the copy
wagtail-localize keeps in the English tree (an alias) shows its French source's title and
summary; an untranslated English page (whose <main> says lang="fr", home/languages.py) lists
the English text of translated pages. ``{% lang_of page %}`` writes ` lang="xx"` in the tag
holding that text, and nothing when it is in the language around it, so that screen readers
pronounce it right.
"""

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language
from wagtail.models import Locale, Page

register = template.Library()

# Locale ids and their language codes: a handful of rows, added when a language is (a new
# id is looked up again), so that marking a listing's items costs no query per request.
_codes = {}


def locale_code(locale_id):
    global _codes
    codes = _codes
    if locale_id not in codes:
        # Replaced whole, never emptied in place: other threads read it meanwhile.
        codes = _codes = dict(Locale.objects.values_list("pk", "language_code"))
    return codes.get(locale_id)


def text_language(page):
    """The language code of the text ``page`` shows (its title, summary…), without a query
    when its listing already loaded what it takes."""
    if page.alias_of_id is not None:
        # An alias shows its source's text. Aliases are the synchronised trees' copies of
        # the default language's tree (territories/synchronised_trees.py).
        if Page.alias_of.is_cached(page):
            return text_language(page.alias_of)
        return settings.LANGUAGE_CODE
    if Page.locale.is_cached(page):
        return page.locale.language_code
    return locale_code(page.locale_id)


def lang_attribute(page, language=None):
    """` lang="xx"` when ``page``'s text is in another language than ``language`` (the active
    one by default), else an empty string."""
    if not isinstance(page, Page):
        # Not a page (a name given as text, say): nothing known of its language.
        return ""
    code = text_language(page)
    if not code or code == (language or get_language()):
        return ""
    return format_html(' lang="{}"', code)


@register.simple_tag(takes_context=True)
def lang_of(context, page, language=None):
    """In a tag holding ``page``'s title or summary: ` lang="xx"` when its language differs
    from the text around it. By default that is the content of the page shown (inside
    <main>, which says French on an untranslated page: an English title there needs
    ` lang="en"`), or the interface's language on a view without a page; pass ``language``
    for what sits outside <main> (breadcrumbs, menus: the interface's language)."""
    if language is None:
        shown = context.get("page")
        language = text_language(shown) if isinstance(shown, Page) else get_language()
    return lang_attribute(page, language)


@register.filter
def with_lang(page, field="title"):
    """``page``'s ``field`` (its title by default), escaped, in a <span lang="xx"> when it is
    in another language than the interface: for a title inside a translated sentence
    (« Back to “{{ title }}” » with ``title=page|with_lang``)."""
    text = getattr(page, field, "") if isinstance(page, Page) else ""
    mark = lang_attribute(page)
    return format_html("<span{}>{}</span>", mark, text) if mark else conditional_escape(text)
