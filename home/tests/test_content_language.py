"""{% lang_of page %}: the language of another page's text, marked where it differs from the
page shown (WCAG 3.1.2, RGAA 8.7), at no query per item. On the demo's Var, « RSA en ligne »
has only its English alias (French text), « APA à domicile » a real English translation."""

import re

import pytest
from django.template import engines
from django.utils import translation
from wagtail.models import Locale, Page

from home.templatetags import content_language
from home.templatetags.content_language import lang_attribute, locale_code, text_language
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db

VAR = "var.localhost"


def version(url_path, language):
    """The version in ``language`` of the French page at ``url_path``."""
    key = ProjectPage.objects.get(url_path=url_path).translation_key
    return ProjectPage.objects.get(translation_key=key, locale__language_code=language)


@pytest.fixture
def rsa_alias():
    page = version("/var/projets/rsa-en-ligne/", "en")
    assert page.alias_of_id is not None, "the demo keeps RSA untranslated in English"
    return page


@pytest.fixture
def apa_translation():
    page = version("/var/projets/apa-a-domicile/", "en")
    assert page.alias_of_id is None, "the demo translates APA into English"
    return page


def test_an_alias_is_marked_french_on_english_pages(rsa_alias):
    with translation.override("en"):
        assert lang_attribute(rsa_alias) == ' lang="fr"'
    # On a French page (a French listing never shows it, but its text is French).
    with translation.override("fr"):
        assert lang_attribute(rsa_alias) == ""


def test_a_translation_is_not_marked_in_its_own_language(apa_translation):
    with translation.override("en"):
        assert lang_attribute(apa_translation) == ""
    with translation.override("fr"):
        assert lang_attribute(apa_translation) == ' lang="en"'


def test_a_french_page_shown_on_an_english_page_is_marked():
    # A reused project's origin, for one: another territory's French page.
    french = ProjectPage.objects.get(url_path="/var/projets/apa-a-domicile/")
    with translation.override("en"):
        assert lang_attribute(french) == ' lang="fr"'
    with translation.override("fr"):
        assert lang_attribute(french) == ""


def test_an_alias_whose_source_is_loaded_takes_its_source_language(rsa_alias):
    alias = Page.objects.select_related("alias_of__locale").get(pk=rsa_alias.pk)
    assert text_language(alias) == alias.alias_of.locale.language_code == "fr"


def test_no_query_per_item(django_assert_num_queries, rsa_alias, apa_translation):
    locale_code(apa_translation.locale_id)  # the Locales' codes, once per process
    pages = list(ProjectPage.objects.filter(pk__in=[rsa_alias.pk, apa_translation.pk]))
    with django_assert_num_queries(0), translation.override("en"):
        marks = {page.pk: lang_attribute(page) for page in pages}
    assert marks == {rsa_alias.pk: ' lang="fr"', apa_translation.pk: ""}


def test_a_new_locale_is_looked_up(monkeypatch):
    # The process-wide codes are restored after: the rolled-back Locale's id may be reused.
    monkeypatch.setattr(content_language, "_codes", {})
    locale_code(Locale.objects.get(language_code="fr").pk)
    german = Locale.objects.create(language_code="de")
    assert locale_code(german.pk) == "de"


def test_the_tag_renders_the_attribute_and_nothing_for_no_page(rsa_alias):
    template = engines["django"].from_string(
        "{% load content_language %}<a{% lang_of item %}>x</a><b{% lang_of nothing %}>y</b>"
        "<i{% lang_of unset %}>z</i>"
    )
    with translation.override("en"):
        assert template.render({"item": rsa_alias, "nothing": None}) == (
            '<a lang="fr">x</a><b>y</b><i>z</i>'
        )


def card_languages(html, slug):
    """The lang attributes of the tags around a card's title and pitch (the project's link)."""
    return re.findall(rf'<a href="[^"]*/{slug}/"( lang="\w+")?>', html)


def test_an_english_page_marks_the_untranslated_projects(client):
    # The Var's English home is translated: its <main> is English.
    html = client.get("/en/", HTTP_HOST=VAR).content.decode()
    assert "<main " in html and not re.search(r"<main [^>]*lang=", html)
    assert card_languages(html, "rsa-en-ligne") == [' lang="fr"']
    assert card_languages(html, "home-care-allowance") == [""]
    french = client.get("/", HTTP_HOST=VAR).content.decode()
    assert card_languages(french, "rsa-en-ligne") == [""]


def test_an_untranslated_english_page_marks_the_translated_projects(client):
    # The Var's English projects index is an alias: its <main> says French, so the
    # translated project's English title is the one to mark.
    html = client.get("/en/projets/", HTTP_HOST=VAR).content.decode()
    assert re.search(r'<main [^>]*lang="fr"', html)
    assert card_languages(html, "home-care-allowance") == [' lang="en"']
    assert card_languages(html, "rsa-en-ligne") == [""]


def test_the_tag_compares_with_the_page_shown_or_the_language_given(rsa_alias, apa_translation):
    template = engines["django"].from_string(
        "{% load content_language %}{% lang_of item %}|{% lang_of item 'en' %}"
    )
    with translation.override("en"):
        # Shown on an untranslated page (French content), on a translated one, on a view.
        assert template.render({"item": apa_translation, "page": rsa_alias}) == ' lang="en"|'
        assert template.render({"item": rsa_alias, "page": apa_translation}) == (
            ' lang="fr"| lang="fr"'
        )
        assert template.render({"item": rsa_alias}) == ' lang="fr"| lang="fr"'


def test_english_breadcrumbs_mark_an_untranslated_page(client):
    html = client.get("/en/projets/rsa-en-ligne/", HTTP_HOST=VAR).content.decode()
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert re.search(r'<li aria-current="page" lang="fr">', crumbs)
    translated = client.get("/en/projets/home-care-allowance/", HTTP_HOST=VAR).content.decode()
    crumbs = translated.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert '<li aria-current="page">' in crumbs


def test_a_title_in_a_sentence_is_wrapped_in_its_language(rsa_alias, apa_translation):
    template = engines["django"].from_string(
        "{% load i18n content_language %}"
        "{% blocktranslate with title=item|with_lang %}Back to “{{ title }}”{% endblocktranslate %}"
    )
    rsa_alias.title = "RSA <en ligne>"  # escaped all the same
    with translation.override("en"):
        assert template.render({"item": rsa_alias}) == (
            'Back to “<span lang="fr">RSA &lt;en ligne&gt;</span>”'
        )
        assert template.render({"item": apa_translation}) == (f"Back to “{apa_translation.title}”")
