"""``{% responsive_picture %}``: Wagtail's ``{% picture %}`` without the widths an image cannot
give.

Wagtail never enlarges an image: asked for ``width-{400,800,1200}`` of an 800 pixel wide
original, it makes two 800 pixel renditions and the srcset lists « 800w » twice (browsers warn,
and store both). Here every requested width at or beyond the original's collapses into one,
the first asked for; the tag's syntax and output are otherwise Wagtail's.
"""

import re

from django import template
from django.template.base import Token
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()

WIDTH = re.compile(r"^width-(\d+)$")


def fitting_specs(specs, original_width):
    """``specs`` without those that would repeat a width already given, for an image
    ``original_width`` pixels wide (other operations are kept as they are)."""
    kept, seen = [], set()
    for spec in specs:
        operations = spec.split("|")
        widths = [int(match[1]) for match in map(WIDTH.match, operations) if match]
        others = tuple(operation for operation in operations if not WIDTH.match(operation))
        key = (others, min(widths[-1], original_width) if widths else None)
        if key not in seen:
            seen.add(key)
            kept.append(spec)
    return kept


class FittingPictureNode(PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        specs = fitting_specs(Filter.expand_spec(self.filter_specs), image.width)
        renditions = get_renditions_or_not_found(image, [Filter(spec=spec) for spec in specs])
        if self.output_var_name:
            context[self.output_var_name] = Picture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return Picture(renditions, attrs).__html__()


@register.tag
def responsive_picture(parser, token):
    """Same arguments as ``{% picture %}``."""
    arguments = token.contents.split(None, 1)[1:]
    wagtail_token = Token(
        token.token_type, " ".join(["picture", *arguments]), token.position, token.lineno
    )
    node = parse_image_tag(parser, wagtail_token)
    return FittingPictureNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )
