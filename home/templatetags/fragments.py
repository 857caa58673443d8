"""Parts of public pages rendered once per generation of their site (home/generations.py).

``{% sitefragment "name" key1 key2 %}…{% endsitefragment %}`` stores the HTML of its body
under the network's and the site's current generations, the language, the address's scheme
and host and the keys given: any change that can show on the site gives it a new generation
(pagecache/signals.py and the apps' signals.py), so a fragment is never served stale. The
body must depend only on the site, the language, the host and the keys: never on the
visitor (a CSRF token, a form, the user, messages, the session). A preview, a POST, a
request with a session, a request without a site, or a key that does not resolve renders
the body every time.

What the body shows must be computed when the body renders (lazy context values), or a
fragment found in the cache saves the rendering but not the queries.
"""

from django import template
from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from wagtail.models import Site

from home.generations import cached_for_site

from .languages import language_versions

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name = name
        self.keys = keys
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        site = cacheable_site(request)
        keys = [key.resolve(context, ignore_failures=True) for key in self.keys]
        if site is None or any(key is None for key in keys):
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        parts = ["fragment", str(name), request.scheme, request.get_host(), *map(str, keys)]
        html = cached_for_site(
            request, site, "\x1f".join(parts), lambda: str(self.nodelist.render(context))
        )
        return mark_safe(html)  # noqa: S308 (the template's own output, escaped when rendered)


def cacheable_site(request):
    """The request's site when what it renders may be shared, else None."""
    if request is None or request.method not in ("GET", "HEAD"):
        return None
    # A preview (or an old revision) shows a draft: never stored, never read.
    if getattr(request, "is_preview", False):
        return None
    # Editors (and a visitor with a message waiting) see every change at once, as the page
    # cache leaves them out too: some changes only editors see (a copy becoming a
    # translation in wagtail-localize) give no site a new generation.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    # Found before by the middleware (territories.scope.site_for_request): no query.
    return Site.find_for_request(request)


@register.tag
def sitefragment(parser, token):
    """``{% sitefragment "name" key… %}…{% endsitefragment %}``: see the module's docstring."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'sitefragment' needs a name.")
    nodelist = parser.parse(("endsitefragment",))
    parser.delete_first_token()
    return SiteFragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )


@register.simple_tag(takes_context=True)
def lazy_language_versions(context):
    """``language_versions``, computed only if a part of the page that is not in the cache
    shows it."""
    # What it reads, taken now: the context may have changed by the time it is read.
    values = {"request": context.get("request"), "page": context.get("page")}
    return SimpleLazyObject(lambda: language_versions(values))
