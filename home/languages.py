"""The languages a public page really exists in: for the switcher and the hreflang links.

A page "exists" in a language when its translation there is live, public and a real
translation. An alias (the copy wagtail-localize keeps in a synchronised tree until someone
translates the page) shows the source language's content, so it is no version of its own:
the switcher and the alternates leave it out, and an alias page points to its source as
the canonical address and marks its content with the source's language.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from .privacy import public


@dataclass(frozen=True)
class LanguageVersion:
    code: str
    name: str
    url: str
    full_url: str
    current: bool


@dataclass
class PageLanguages:
    # The switcher: every language the page exists in, the current one included.
    versions: list = field(default_factory=list)
    # hreflang alternates: the real versions only (no alias).
    alternates: list = field(default_factory=list)
    # Set when the content shown is in another language than the interface (aliases).
    content_language: str = ""
    canonical_url: str = ""

    @property
    def default(self):
        """The version in the default language, for hreflang="x-default"."""
        return next((v for v in self.alternates if v.code == settings.LANGUAGE_CODE), None)


def language_names():
    return dict(settings.LANGUAGES)


def sort_key(version):
    return [code for code, _name in settings.LANGUAGES].index(version.code)


def page_languages(request, page):
    """The language versions of a Wagtail page, in the order of settings.LANGUAGES."""
    names = language_names()
    # Private pages are private in every language (home/privacy.py), in the same query.
    translations = list(
        public(page.get_translations(inclusive=True).live())
        .filter(locale__language_code__in=names)
        .select_related("locale")
    )
    result = PageLanguages()
    for version in translations:
        code = version.locale.language_code
        if version.alias_of_id is not None and version.pk != page.pk:
            continue
        url = version.get_url(request)
        entry = LanguageVersion(
            code=code,
            name=names[code],
            url=url,
            full_url=request.build_absolute_uri(url),
            current=version.pk == page.pk,
        )
        result.versions.append(entry)
        if version.alias_of_id is None:
            result.alternates.append(entry)
    if page.alias_of_id is not None:
        original = next((v for v in translations if v.pk == page.alias_of_id), None)
        if original is not None:
            result.content_language = original.locale.language_code
            result.canonical_url = request.build_absolute_uri(original.get_url(request))
    else:
        # Its own address on its own host name, whichever host or query string it came by.
        result.canonical_url = request.build_absolute_uri(page.get_url(request))
    result.versions.sort(key=sort_key)
    result.alternates.sort(key=sort_key)
    return result


def view_languages(request):
    """The language versions of a non-page view (search): the same address in each language."""
    current = get_language()
    result = PageLanguages()
    for code, name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        entry = LanguageVersion(
            code=code,
            name=name,
            url=url,
            full_url=request.build_absolute_uri(url),
            current=code == current,
        )
        result.versions.append(entry)
        result.alternates.append(entry)
    result.canonical_url = request.build_absolute_uri(request.path)
    return result
