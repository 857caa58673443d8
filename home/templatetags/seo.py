"""What search engines and link previews read: absolute addresses and the page's locale."""

from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` on the site's own host name (renditions and static files are relative)."""
    request = context.get("request")
    if not url or request is None:
        return url
    return request.build_absolute_uri(url)


# OpenGraph names a locale with its country; a bare language takes its usual one.
COUNTRY_OF_LANGUAGE = {"en": "GB"}


@register.simple_tag
def og_locale():
    locale = to_locale(get_language() or "fr")
    if "_" in locale:
        return locale
    return f"{locale}_{COUNTRY_OF_LANGUAGE.get(locale, locale.upper())}"
