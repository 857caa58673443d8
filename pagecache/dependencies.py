"""Which sites show a piece of content: the scopes a change must give a new generation."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex, Site

from home.generations import site_scope


def sites_showing_pages(pages):
    """The scopes of the sites whose pages can show these pages.

    Each page's own site (its listings, menu, feeds and API), the hub (whose home, catalogue,
    feeds and API gather the whole network), and the sites of the pages that link to one of
    them, found in Wagtail's reference index (page choosers, rich-text links, the project a
    reused project started from, a news item's projects, a territory's highlights).
    """
    pages = [page for page in pages if page is not None]
    paths = {page.path for page in pages}
    page_type = ContentType.objects.get_for_model(Page)
    referrers = ReferenceIndex.objects.filter(
        to_content_type=page_type,
        to_object_id__in=[str(page.pk) for page in pages],
        base_content_type=page_type,
    ).values_list("object_id", flat=True)
    paths.update(Page.objects.filter(pk__in=[int(pk) for pk in referrers]).values_list("path"))
    return sites_of_paths(paths, with_hub=True)


def sites_of_paths(paths, with_hub=False):
    """The scopes of the sites holding pages at these tree paths, in any language: a site's
    root is its default-language home page, its other languages are the home's
    translations, at the same depth."""
    homes = {path[: Page.steplen * 2] for path in paths if len(path) >= Page.steplen * 2}
    keys = Page.objects.filter(path__in=homes).values("translation_key")
    sites = Site.objects.filter(root_page__translation_key__in=keys)
    if with_hub:
        sites = sites | Site.objects.filter(is_default_site=True)
    return [site_scope(pk) for pk in sites.values_list("pk", flat=True)]


def hub_scopes():
    """The hub's scope: its home shows every territory's logo and the network's figures."""
    hub = Site.objects.filter(is_default_site=True).values_list("pk", flat=True)
    return [site_scope(pk) for pk in hub]


def sites_referencing(instance):
    """The scopes of the sites whose pages link to a non-page object (an image, a document)."""
    referrers = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    pages = Page.objects.filter(
        pk__in=[int(pk) for pk in referrers.values_list("object_id", flat=True)]
    )
    return sites_of_paths(pages.values_list("path", flat=True))
