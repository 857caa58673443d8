"""The picture a card shows of a page's ``card_image`` (projects/models/cards.py), and the
prefetch that lets a listing show it without a query per card.

The renditions are named here once: the listings prefetch exactly those the cards render, so
a listing's query count stays the same whatever the number of cards with an image.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

# WebP for every current browser, JPEG for the others; two widths for one and two pixel
# densities of a card (about 20rem wide, the whole screen on a phone).
CARD_IMAGE_SPECS = ["width-400|format-webp", "width-800|format-webp"]
CARD_IMAGE_FALLBACK_SPECS = ["width-400|format-jpeg", "width-800|format-jpeg"]
CARD_IMAGE_SIZES = "(max-width: 40rem) 100vw, 20rem"


def with_card_images(pages):
    """``pages`` (a queryset of a page type with a card image) with their images and the
    renditions their cards show: one query more when some have an image, none otherwise."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=CARD_IMAGE_SPECS + CARD_IMAGE_FALLBACK_SPECS)
    )
    return pages.select_related("card_image").prefetch_related(
        Prefetch("card_image__renditions", queryset=renditions)
    )
