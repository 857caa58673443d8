"""What a CDN in front of the sites must forget when a page is published, unpublished, or
made private or public again.

Wagtail's frontend cache app purges a published page's own address; the listings that show
it are purged here: its parent, and on each site that shows it, the home page, the sitemap
and the listings the apps declare (registry.py: the catalogue, the feeds, the open data), in
every language.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from .registry import LISTING_URL_NAMES


def listing_urls(site):
    """The addresses of a site that list its content, in every language."""
    urls = [site.root_url + reverse("sitemap")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.append(site.root_url + reverse("wagtail_serve", args=[""]))
            urls.extend(site.root_url + reverse(name) for name in LISTING_URL_NAMES)
    return urls


def purge_listings(page, scopes, pages=()):
    """Purge what lists ``page`` on the sites of ``scopes``; ``pages`` are purged too,
    each at its own address, with their parents (the listings above them)."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    parent_paths = {shown.path[: -Page.steplen] for shown in [page, *pages]}
    # The tree's root (depth 1) has no address.
    batch.add_pages(Page.objects.filter(path__in=parent_paths, depth__gt=1))
    site_ids = [int(scope.split(":")[1]) for scope in scopes if scope.startswith("site:")]
    for site in Site.objects.filter(pk__in=site_ids):
        batch.add_urls(listing_urls(site))
    batch.purge()
