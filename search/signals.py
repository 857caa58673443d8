"""Keep the search index current when pages move.

Wagtail's own handlers re-index a page whenever it is saved (publishing and unpublishing save
it) and remove it when it is deleted, descendants included. A move is the gap: the moved page
is saved, but its descendants' paths change in one SQL update, without a save each, and
Elasticsearch or OpenSearch filter a site's pages on the path they indexed. So after a move,
the descendants are indexed again.
"""

from django.dispatch import receiver
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import post_page_move


@receiver(post_page_move, dispatch_uid="search.reindex_descendants")
def reindex_descendants(sender, instance, **kwargs):
    for page in Page.objects.descendant_of(instance).specific().iterator():
        index.insert_or_update_object(page)
