"""``{% card_picture page %}``: the responsive picture of a page's card image, or nothing."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.templatetags.pictures import fitting_specs

from ..card_images import CARD_IMAGE_FALLBACK_SPECS, CARD_IMAGE_SIZES, CARD_IMAGE_SPECS

register = template.Library()


@register.simple_tag
def card_picture(page):
    image = getattr(page, "card_image", None)
    if image is None:
        return ""
    specs = fitting_specs(CARD_IMAGE_SPECS + CARD_IMAGE_FALLBACK_SPECS, image.width)
    renditions = get_renditions_or_not_found(image, [Filter(spec=spec) for spec in specs])
    attrs = {
        "sizes": CARD_IMAGE_SIZES,
        "loading": "lazy",
        "decoding": "async",
        "alt": page.card_image_alt,
    }
    if attrs["alt"] and translation.get_language() != settings.LANGUAGE_CODE:
        # An image's description is written once, in the default language, whatever the
        # language of the page that shows it.
        attrs["lang"] = settings.LANGUAGE_CODE
    return mark_safe(Picture(renditions, attrs).__html__())
