"""Each site's /favicon.ico: its logo fitted in a square, or without one, its colour with the
first letter of its name. Drawn once per site and generation of its content (the identity's
changes give the site a new one: pagecache/signals.py), so an identity change shows at once
on the next request and no request draws it again."""

import io
import logging

from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from home.generations import cached_for_site

from .branding import DEFAULT_PRIMARY_COLOR, HEX_COLOR_RE
from .models import TerritorySettings
from .scope import site_for_request

logger = logging.getLogger(__name__)

# The sizes browsers ask of an ICO file: tabs (16, 32) and shortcuts (48).
SIZES = [(16, 16), (32, 32), (48, 48)]
CANVAS = 48
CONTENT_TYPE = "image/x-icon"
# Browsers keep a favicon long whatever they are told; a day bounds how long an old one
# lingers after the identity changes, the ETag answers a 304 after that.
MAX_AGE = 24 * 60 * 60


def favicon(request):
    site = site_for_request(request)
    content = cached_for_site(request, site, "favicon", lambda: icon_of(site))
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    # The same for every visitor of the site: shared caches may keep it too.
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    set_response_etag(response)
    return response


def icon_of(site):
    """The ICO bytes of ``site`` (None: the default site's colour, no letter)."""
    settings = (
        TerritorySettings.objects.select_related("logo", "site__root_page")
        .filter(site=site)
        .first()
        if site is not None
        else None
    )
    picture = None
    if settings is not None and settings.logo is not None:
        picture = from_logo(settings.logo)
    if picture is None:
        color = DEFAULT_PRIMARY_COLOR
        name = ""
        if settings is not None:
            if HEX_COLOR_RE.match(settings.primary_color):
                color = settings.primary_color
            name = settings.display_name or settings.site.root_page.title
        picture = from_color(color, name)
    buffer = io.BytesIO()
    picture.save(buffer, format="ICO", sizes=SIZES)
    return buffer.getvalue()


def from_logo(image):
    """The logo fitted, whole, in a transparent square; None if its file cannot be drawn
    from (missing, or a format Pillow does not read such as SVG): the colour is used."""
    try:
        with image.open_file() as file:
            logo = Image.open(file)
            logo.load()
    except (OSError, UnidentifiedImageError, ValueError):
        logger.warning("The logo %s cannot make a favicon: its colour is used.", image.pk)
        return None
    logo = logo.convert("RGBA")
    logo.thumbnail((CANVAS, CANVAS), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    square.paste(logo, ((CANVAS - logo.width) // 2, (CANVAS - logo.height) // 2), logo)
    return square


def from_color(color, name):
    """A rounded square of the site's colour (checked for contrast with white when saved)
    with the first letter of its name in white."""
    square = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(square)
    pen.rounded_rectangle((0, 0, CANVAS - 1, CANVAS - 1), radius=8, fill=color)
    letter = name.strip()[:1].upper()
    if letter:
        font = ImageFont.load_default(size=34)
        pen.text((CANVAS / 2, CANVAS / 2), letter, font=font, fill="white", anchor="mm")
    return square
