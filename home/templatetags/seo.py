"""What search engines and link previews read: absolute addresses and the page's locale."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
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


@register.simple_tag(takes_context=True)
def page_description(context, page):
    """The page's own description, otherwise its type's sentence naming the site (the
    views that are not pages, such as the catalogue, pass none or their own object)."""
    own = getattr(page, "meta_description", "")
    fallback = getattr(page, "fallback_description", None)
    identity = context.get("identity")
    if own or not fallback or not identity or not identity.name:
        return own or ""
    return fallback % {"name": identity.name}


@register.filter(is_safe=True)
def with_site_name(title, site_name):
    """The <title>: the page's title, then the site's name, once (a site's home page is
    titled with the site's name; a page with no title of its own shows the name alone)."""
    title = conditional_escape(title).strip()
    name = conditional_escape(site_name or "")
    if not name or title == name:
        return mark_safe(title)
    if not title:
        return mark_safe(name)
    return mark_safe(f"{title} — {name}")
