"""What a CDN in front of the sites must forget when a page is published or unpublished.

Wagtail's frontend cache app purges the page's own address; the listings that show it are
purged here: its parent, and on each site that shows it, the home page, the catalogue, the
feeds and the open data.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

LISTINGS = [
    "projects:catalogue",
    "projects:news_rss",
    "projects:news_atom",
    "projects:api_projects",
    "projects:api_projects_csv",
    "projects:api_territories",
]


def purge_listings(page, scopes):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        batch.add_page(parent)
    site_ids = [int(scope.split(":")[1]) for scope in scopes if scope.startswith("site:")]
    for site in Site.objects.filter(pk__in=site_ids):
        batch.add_urls([site.root_url + "/"])
        batch.add_urls([site.root_url + reverse(name) for name in LISTINGS])
    batch.purge()
