"""sitemap.xml and robots.txt of each site: the hub's and every territory's list their own
pages only, on their own host name."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from home.privacy import public
from territories.preparation import archived_territory, preparing_territory
from territories.scope import site_or_default


class SiteSitemap(Sitemap):
    """The live, public pages of the request's site in every language that really has them
    (a page private in one language is private in all: home/privacy.py).

    A site's root page is its tree in the default language; each translation of that root
    holds the same site in another language. Alias pages only mirror a page of another
    language (wagtail-localize's synchronised trees) and are left out: they would list the
    same content twice.
    """

    def get_wagtail_site(self):
        return site_or_default(self.request)

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for translated_root in Page.objects.filter(translation_key=root.translation_key):
            trees |= Page.objects.descendant_of(translated_root, inclusive=True)
        return (
            public(trees.live())
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap})


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Everything public may be crawled but the admin and search results (endless and thin);
    nothing of a site in preparation (it has no public page yet, and no sitemap) nor of an
    archived one (every address answers 410)."""
    if archived_territory(request) or preparing_territory(request) is not None:
        return HttpResponse(
            "User-agent: *\nDisallow: /\n", content_type="text/plain; charset=utf-8"
        )
    site = site_or_default(request)
    search_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_paths.append(reverse("search"))
    text = render_to_string(
        "hub/robots.txt",
        {
            "disallowed": [reverse("wagtailadmin_home"), *sorted(set(search_paths))],
            "sitemap_url": site.root_url + reverse("sitemap"),
        },
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
