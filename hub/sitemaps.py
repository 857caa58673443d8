"""sitemap.xml and robots.txt of each site: the hub's and every territory's list their own
pages only, on their own host name."""

from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page

from home.privacy import public
from projects.queries import newest_publication_per_language
from territories.preparation import archived_territory, preparing_territory
from territories.scope import scope_for, site_or_default


def with_alternates(versions):
    """``versions``: [(language code, url entry)] of one page or route. Each entry gets the
    others as its ``xhtml:link`` hreflang alternates, itself included as the protocol asks,
    when it exists in more than one language."""
    if len({code for code, _entry in versions}) > 1:
        alternates = [
            {"lang_code": code, "location": entry["location"]} for code, entry in versions
        ]
        for _code, entry in versions:
            entry["alternates"] = alternates


def _note_latest(sitemap, urls):
    last_mods = {url.get("lastmod") for url in urls}
    # As Wagtail's: no sitemap date when an entry has none.
    if last_mods and None not in last_mods:
        sitemap.latest_lastmod = max(last_mods)
    return urls


class SiteSitemap(Sitemap):
    """The live, public pages of the request's site in every language that really has them
    (a page private in one language is private in all: home/privacy.py), each with its
    other languages as hreflang alternates.

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

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls, versions = [], defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            entries = item.get_sitemap_urls(self.request)
            urls.extend(entries)
            if entries:
                versions[item.translation_key].append((languages[item.locale_id], entries[0]))
        for group in versions.values():
            with_alternates(group)
        return _note_latest(self, urls)


class HubRoutesSitemap(Sitemap):
    """The hub's own routes that are not pages (the catalogue, the projects to reuse), in
    every language; nothing on a territory's host, where these paths are its pages'."""

    ROUTES = ("hub:catalogue", "hub:reusable")

    def items(self):
        scope = scope_for(self.request)
        if scope is None or not scope.is_hub:
            return []
        return [(route, code) for route in self.ROUTES for code, _name in settings.LANGUAGES]

    def _urls(self, page, protocol, domain):
        root_url = site_or_default(self.request).root_url
        newest = dict(newest_publication_per_language())
        urls, versions = [], defaultdict(list)
        for route, code in self.paginator.page(page).object_list:
            with translation.override(code):
                entry = {"location": root_url + reverse(route), "lastmod": newest.get(code)}
            urls.append(entry)
            versions[route].append((code, entry))
        for group in versions.values():
            with_alternates(group)
        return _note_latest(self, [url for url in urls if url["lastmod"]])


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": SiteSitemap, "hub": HubRoutesSitemap})


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
