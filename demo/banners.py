"""Each demo site's banner: a landscape drawn in its colours (no downloaded picture), with
its alternative text in French, set on its identity when it has none."""

import math
import random

from PIL import Image as Picture
from PIL import ImageDraw
from wagtail.models import Site

from territories.models import Territory, TerritorySettings

from .images import saved_image

SIZE = (1920, 720)

# What each landscape shows, for its alternative text; the hub's is the network itself.
LANDSCAPES = {
    "var": (
        "sea",
        "Illustration : une ville au bord de la mer, ses toits et un soleil levant, "
        "aux couleurs du Département du Var.",
    ),
    "pau": (
        "mountains",
        "Illustration : les Pyrénées derrière les toits de la ville, aux couleurs de Pau "
        "Béarn Pyrénées.",
    ),
    "grandest": (
        "hills",
        "Illustration : des collines plantées de vignes et un village, aux couleurs de la "
        "Région Grand Est.",
    ),
    "pasdecalais": (
        "coast",
        "Illustration : des terrils et une côte de falaises sous le soleil, aux couleurs du "
        "Pas-de-Calais.",
    ),
}
NETWORK_ALT = (
    "Illustration : des territoires reliés entre eux comme les points d'un réseau, sous un "
    "soleil levant."
)


def rgb(hex_color):
    return tuple(int(hex_color[i : i + 2], 16) for i in (1, 3, 5))


def mix(color, other, share):
    """``color`` moved ``share`` (0–1) of the way to ``other``."""
    return tuple(round(a + (b - a) * share) for a, b in zip(color, other, strict=True))


WHITE, SUN = (255, 255, 255), (255, 214, 120)


def draw_banner(hex_color, landscape, seed):
    """A flat illustration 1920 × 720: a sky fading to white, a sun, the landscape in three
    shades of the colour, and a town's roofs in the foreground."""

    def draw():
        color = rgb(hex_color)
        width, height = SIZE
        chance = random.Random(seed)
        picture = Picture.new("RGB", SIZE, WHITE)
        pen = ImageDraw.Draw(picture)
        for y in range(height):
            pen.line([(0, y), (width, y)], fill=mix(mix(color, WHITE, 0.75), WHITE, y / height))
        pen.ellipse((1380, 90, 1600, 310), fill=SUN)
        far, middle, near = mix(color, WHITE, 0.55), mix(color, WHITE, 0.3), color
        if landscape == "mountains":
            peaks = [(x, 200 + chance.randint(0, 140)) for x in range(-100, width + 300, 260)]
            for x, top in peaks:
                pen.polygon([(x - 260, 560), (x, top), (x + 260, 560)], fill=far)
                pen.polygon([(x - 60, top + 60), (x, top), (x + 60, top + 60)], fill=WHITE)
        else:
            hill(pen, width, 420, 70, 0.004, far, chance)
        if landscape == "sea":
            pen.rectangle((0, 500, width, height), fill=middle)
            for row in range(6):
                y = 530 + row * 30
                for x in range(chance.randint(0, 80), width, 160):
                    pen.arc((x, y, x + 80, y + 24), 200, 340, fill=WHITE, width=4)
        elif landscape == "coast":
            pen.polygon([(0, 470), (700, 470), (760, height), (0, height)], fill=middle)
            pen.rectangle((700, 560, width, height), fill=mix(color, WHITE, 0.45))
            for x in (1000, 1350):
                pen.polygon([(x - 220, 560), (x, 380), (x + 220, 560)], fill=middle)
        else:
            hill(pen, width, 500, 50, 0.006, middle, chance)
            if landscape == "hills":
                for row in range(8):
                    y = 540 + row * 22
                    pen.line([(0, y), (width, y - 40)], fill=mix(middle, color, 0.5), width=5)
        town(pen, width, height, near, mix(color, (0, 0, 0), 0.25), chance)
        return picture

    return draw


def hill(pen, width, base, amplitude, frequency, fill, chance):
    phase = chance.random() * math.tau
    points = [
        (x, base - amplitude * math.sin(x * frequency + phase)) for x in range(0, width + 20, 20)
    ]
    pen.polygon([(0, SIZE[1]), *points, (width, SIZE[1])], fill=fill)


def town(pen, width, height, wall, roof, chance):
    """A row of houses with pitched roofs and lit windows, and a town hall with its flag."""
    x = chance.randint(-40, 0)
    while x < width:
        house = chance.randint(90, 170)
        top = height - chance.randint(90, 170)
        pen.rectangle((x, top, x + house, height), fill=wall)
        pen.polygon([(x - 8, top), (x + house // 2, top - 50), (x + house + 8, top)], fill=roof)
        for window in range(x + 20, x + house - 30, 45):
            pen.rectangle((window, top + 25, window + 22, top + 55), fill=SUN)
        x += house + chance.randint(6, 30)
    left, top = 820, height - 230
    pen.rectangle((left, top, left + 280, height), fill=roof)
    pen.polygon([(left - 20, top), (left + 140, top - 70), (left + 300, top)], fill=wall)
    for column in range(left + 30, left + 260, 55):
        pen.rectangle((column, top + 40, column + 18, height), fill=WHITE)
    pen.line([(left + 140, top - 70), (left + 140, top - 150)], fill=roof, width=6)
    pen.polygon(
        [(left + 143, top - 150), (left + 200, top - 135), (left + 143, top - 120)], fill=SUN
    )


def draw_network(hex_color):
    """The hub's banner: territories as dots joined like a network, on the same sky."""

    def draw():
        color = rgb(hex_color)
        width, height = SIZE
        chance = random.Random("network")
        picture = Picture.new("RGB", SIZE, WHITE)
        pen = ImageDraw.Draw(picture)
        for y in range(height):
            pen.line([(0, y), (width, y)], fill=mix(mix(color, WHITE, 0.7), WHITE, y / height))
        pen.ellipse((1380, 90, 1600, 310), fill=SUN)
        hill(pen, width, 520, 60, 0.004, mix(color, WHITE, 0.45), chance)
        # Spread along the width, each joined to its two nearest neighbours.
        dots = [
            (120 + column * 140 + chance.randint(-30, 30), chance.randint(380, 640))
            for column in range(13)
        ]
        for dot in dots:
            nearest = sorted(dots, key=lambda other: math.dist(dot, other))[1:3]
            for other in nearest:
                pen.line([dot, other], fill=color, width=5)
        for x, y in dots:
            pen.ellipse((x - 22, y - 22, x + 22, y + 22), fill=color, outline=WHITE, width=6)
        return picture

    return draw


def ensure_banners(log=lambda message: None):
    """Give the hub and each demo territory a banner, unless it has one already."""
    hub = Site.objects.filter(is_default_site=True).first()
    if hub is not None:
        identity = TerritorySettings.for_site(hub)
        if identity.banner_id is None:
            identity.banner = saved_image("Bannière — réseau", draw_network(identity.primary_color))
            identity.banner_alt = NETWORK_ALT
            identity.save()
            log("  + bannière du réseau")
    for territory in Territory.objects.filter(slug__in=LANDSCAPES).select_related("site"):
        identity = TerritorySettings.for_site(territory.site)
        if identity.banner_id is not None:
            continue
        landscape, alt = LANDSCAPES[territory.slug]
        identity.banner = saved_image(
            f"Bannière — {territory.name}",
            draw_banner(identity.primary_color, landscape, territory.slug),
            collection=territory.collection,
        )
        identity.banner_alt = alt
        identity.save()
        log(f"  + bannière de {territory.name}")
