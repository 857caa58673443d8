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


@register.simple_tag
def og_locale():
    """OpenGraph writes locales like fr_FR."""
    locale = to_locale(get_language() or "fr")
    return locale if "_" in locale else f"{locale}_{locale.upper()}"
