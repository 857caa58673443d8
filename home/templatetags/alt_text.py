"""``{{ image|public_alt }}``: the alt text a public page may show (home/images.py)."""

from django import template

from ..images import public_alt as _public_alt

register = template.Library()


@register.filter
def public_alt(image):
    return _public_alt(image)
