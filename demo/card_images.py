"""The demo's card images: simple illustrations drawn here in the territory's colour (no
picture downloaded or copied), each with its French description, the alternative text its
cards show. Some news items keep no image, as real content would.

Their card renditions are made with them, once, so that the first visit of a demo page (and
each test, whose renditions would otherwise be rolled back with it) does not make them.
"""

from PIL import Image as Picture
from PIL import ImageColor, ImageDraw
from wagtail.images.models import Filter

from home.templatetags.pictures import fitting_specs
from projects.card_images import CARD_IMAGE_FALLBACK_SPECS, CARD_IMAGE_SPECS

from .images import saved_image

WIDTH, HEIGHT = 800, 450

# (page kind, slug): (motif, description)
CARD_IMAGES = {
    ("project", "apa-a-domicile"): (
        "house",
        "Illustration : une maison avec un cœur, l'aide apportée à domicile",
    ),
    ("project", "cde-informer-les-familles"): (
        "people",
        "Illustration : trois silhouettes, parents et professionnels réunis",
    ),
    ("project", "rsa-en-ligne"): (
        "form",
        "Illustration : un formulaire en ligne validé d'une coche",
    ),
    ("project", "accueil-telephonique-uts"): (
        "phone",
        "Illustration : un téléphone et des bulles de conversation",
    ),
    ("project", "gazette-de-pau"): ("newspaper", "Illustration : la une d'un journal de quartier"),
    ("project", "acces-au-debat-public"): (
        "speech",
        "Illustration : des bulles de parole au-dessus d'une assemblée",
    ),
    ("project", "meli-melo"): ("map", "Illustration : une carte de la ville marquée de repères"),
    ("project", "poubelles-battle"): ("compost", "Illustration : un composteur et une feuille"),
    ("project", "trait-d-union"): (
        "link",
        "Illustration : deux personnes reliées par un trait d'union",
    ),
    ("project", "lapins"): (
        "calendar",
        "Illustration : un calendrier dont un rendez-vous est coché",
    ),
    ("project", "partage-de-materiel"): (
        "boxes",
        "Illustration : deux caisses de matériel échangées entre services",
    ),
    ("news", "lancement-pre-incubation-2019"): (
        "rocket",
        "Illustration : une fusée qui décolle, le lancement des projets",
    ),
    ("news", "quatre-projets-premiere-saison"): (
        "people",
        "Illustration : trois silhouettes, les équipes de la saison",
    ),
    ("news", "trait-d-union-premiere-version"): (
        "rocket",
        "Illustration : une fusée qui décolle, la mise en ligne du service",
    ),
    ("news", "lapins-version-beta"): (
        "phone",
        "Illustration : un téléphone et des bulles de message, les rappels par SMS",
    ),
    ("call", "appel-a-irritants-2018"): ("bulb", "Illustration : une ampoule allumée, une idée"),
    ("call", "appel-a-irritants-saison-2"): (
        "bulb",
        "Illustration : une ampoule allumée, une idée",
    ),
    ("call", "appel-a-irritants-agents-region"): (
        "bulb",
        "Illustration : une ampoule allumée, une idée",
    ),
    ("call", "appel-a-irritants-2017"): ("bulb", "Illustration : une ampoule allumée, une idée"),
}


def tint(color, share):
    """``color`` mixed with white, ``share`` of it kept."""
    red, green, blue = ImageColor.getrgb(color)
    return tuple(round(255 - (255 - value) * share) for value in (red, green, blue))


def _person(pen, x, y, scale, fill):
    pen.ellipse((x - 28 * scale, y - 90 * scale, x + 28 * scale, y - 34 * scale), fill=fill)
    pen.rounded_rectangle(
        (x - 48 * scale, y - 24 * scale, x + 48 * scale, y + 70 * scale), 30 * scale, fill=fill
    )


def _check(pen, x, y, size, fill):
    pen.line(
        [(x - size, y), (x - size / 3, y + size * 0.7), (x + size, y - size * 0.8)],
        fill=fill,
        width=max(6, int(size / 3)),
        joint="curve",
    )


def _bubble(pen, box, fill):
    left, top, right, bottom = box
    pen.rounded_rectangle(box, 24, fill=fill)
    pen.polygon(
        [(left + 40, bottom - 2), (left + 40, bottom + 34), (left + 80, bottom - 2)], fill=fill
    )


def draw_motif(pen, motif, main, light, accent):
    cx, cy = WIDTH // 2, HEIGHT // 2
    if motif == "house":
        pen.polygon([(cx - 170, cy - 20), (cx, cy - 170), (cx + 170, cy - 20)], fill=main)
        pen.rectangle((cx - 130, cy - 20, cx + 130, cy + 150), fill=main)
        pen.rectangle((cx - 30, cy + 60, cx + 30, cy + 150), fill=light)
        heart = [(cx, cy + 30), (cx - 45, cy - 15), (cx, cy - 40), (cx + 45, cy - 15)]
        pen.ellipse((cx - 48, cy - 58, cx - 2, cy - 12), fill="white")
        pen.ellipse((cx + 2, cy - 58, cx + 48, cy - 12), fill="white")
        pen.polygon(heart, fill="white")
    elif motif == "people":
        for x, scale in ((cx - 150, 1.0), (cx, 1.25), (cx + 150, 1.0)):
            _person(pen, x, cy + 40, scale, main if x != cx else accent)
    elif motif == "form":
        pen.rounded_rectangle((cx - 150, cy - 180, cx + 150, cy + 180), 20, fill="white")
        for row in range(5):
            top = cy - 130 + row * 50
            pen.rounded_rectangle((cx - 110, top, cx + 110 - row % 2 * 60, top + 22), 8, fill=light)
        pen.ellipse((cx + 80, cy + 60, cx + 200, cy + 180), fill=main)
        _check(pen, cx + 140, cy + 120, 30, "white")
    elif motif == "phone":
        pen.rounded_rectangle((cx - 200, cy - 150, cx - 40, cy + 170), 28, fill=main)
        pen.rounded_rectangle((cx - 185, cy - 120, cx - 55, cy + 120), 10, fill="white")
        _bubble(pen, (cx + 10, cy - 160, cx + 230, cy - 60), accent)
        _bubble(pen, (cx + 40, cy - 20, cx + 220, cy + 70), main)
    elif motif == "newspaper":
        pen.rounded_rectangle((cx - 220, cy - 170, cx + 220, cy + 170), 16, fill="white")
        pen.rectangle((cx - 190, cy - 140, cx + 190, cy - 90), fill=main)
        pen.rectangle((cx - 190, cy - 70, cx - 10, cy + 60), fill=light)
        for row in range(6):
            top = cy - 70 + row * 24
            pen.rectangle((cx + 10, top, cx + 190, top + 10), fill=accent)
        for row in range(3):
            top = cy + 80 + row * 24
            pen.rectangle((cx - 190, top, cx + 190, top + 10), fill=accent)
    elif motif == "speech":
        _bubble(pen, (cx - 230, cy - 180, cx - 30, cy - 80), main)
        _bubble(pen, (cx + 10, cy - 150, cx + 230, cy - 50), accent)
        for x in range(cx - 200, cx + 201, 100):
            _person(pen, x, cy + 130, 0.8, main)
    elif motif == "map":
        pen.polygon(
            [
                (cx - 240, cy - 150),
                (cx - 80, cy - 180),
                (cx + 80, cy - 150),
                (cx + 240, cy - 180),
                (cx + 240, cy + 170),
                (cx + 80, cy + 200),
                (cx - 80, cy + 170),
                (cx - 240, cy + 200),
            ],
            fill="white",
        )
        pen.line([(cx - 240, cy + 40), (cx + 240, cy - 30)], fill=light, width=18)
        for x, y in ((cx - 130, cy - 60), (cx + 20, cy + 60), (cx + 150, cy - 90)):
            pen.ellipse((x - 30, y - 70, x + 30, y - 10), fill=main)
            pen.polygon([(x - 26, y - 30), (x, y + 10), (x + 26, y - 30)], fill=main)
            pen.ellipse((x - 12, y - 52, x + 12, y - 28), fill="white")
    elif motif == "compost":
        pen.rounded_rectangle((cx - 130, cy - 100, cx + 130, cy + 180), 18, fill=main)
        pen.rounded_rectangle((cx - 150, cy - 140, cx + 150, cy - 90), 14, fill=accent)
        pen.ellipse((cx - 60, cy - 10, cx + 80, cy + 120), fill=light)
        pen.line([(cx - 40, cy + 100), (cx + 60, cy + 10)], fill=main, width=8)
    elif motif == "link":
        _person(pen, cx - 190, cy + 40, 1.1, main)
        _person(pen, cx + 190, cy + 40, 1.1, accent)
        pen.rounded_rectangle((cx - 110, cy + 10, cx + 110, cy + 40), 15, fill="white")
    elif motif == "calendar":
        pen.rounded_rectangle((cx - 200, cy - 170, cx + 200, cy + 180), 20, fill="white")
        pen.rounded_rectangle((cx - 200, cy - 170, cx + 200, cy - 100), 20, fill=main)
        for row in range(4):
            for column in range(5):
                left = cx - 170 + column * 70
                top = cy - 80 + row * 62
                fill = main if (row, column) == (2, 3) else light
                pen.rounded_rectangle((left, top, left + 50, top + 44), 8, fill=fill)
        _check(pen, cx - 170 + 3 * 70 + 25, cy - 80 + 2 * 62 + 22, 14, "white")
    elif motif == "boxes":
        pen.rounded_rectangle((cx - 240, cy - 40, cx - 60, cy + 140), 12, fill=main)
        pen.rounded_rectangle((cx + 60, cy - 40, cx + 240, cy + 140), 12, fill=accent)
        pen.line([(cx - 60, cy - 100), (cx + 50, cy - 100)], fill=main, width=14)
        pen.polygon([(cx + 80, cy - 100), (cx + 40, cy - 125), (cx + 40, cy - 75)], fill=main)
        pen.line([(cx + 60, cy + 190), (cx - 50, cy + 190)], fill=accent, width=14)
        pen.polygon([(cx - 80, cy + 190), (cx - 40, cy + 165), (cx - 40, cy + 215)], fill=accent)
    elif motif == "rocket":
        pen.ellipse((cx - 70, cy - 190, cx + 70, cy + 90), fill="white")
        pen.rectangle((cx - 70, cy - 60, cx + 70, cy + 90), fill="white")
        pen.ellipse((cx - 32, cy - 100, cx + 32, cy - 36), fill=main)
        pen.polygon([(cx - 70, cy + 20), (cx - 130, cy + 120), (cx - 70, cy + 90)], fill=main)
        pen.polygon([(cx + 70, cy + 20), (cx + 130, cy + 120), (cx + 70, cy + 90)], fill=main)
        pen.polygon([(cx - 45, cy + 95), (cx, cy + 200), (cx + 45, cy + 95)], fill=accent)
    elif motif == "bulb":
        pen.ellipse((cx - 120, cy - 190, cx + 120, cy + 50), fill="white")
        pen.rectangle((cx - 60, cy + 30, cx + 60, cy + 110), fill="white")
        for row in range(3):
            top = cy + 115 + row * 26
            pen.rounded_rectangle((cx - 60, top, cx + 60, top + 18), 8, fill=main)
        pen.line(
            [
                (cx - 30, cy + 30),
                (cx - 30, cy - 50),
                (cx, cy - 80),
                (cx + 30, cy - 50),
                (cx + 30, cy + 30),
            ],
            fill=accent,
            width=10,
        )
        for x1, x2 in ((cx - 220, cx - 160), (cx + 160, cx + 220)):
            pen.line([(x1, cy - 70), (x2, cy - 70)], fill=main, width=12)


def illustration(motif, color):
    """A flat illustration in ``color`` on a light tint of it, 16:9."""

    def draw():
        picture = Picture.new("RGB", (WIDTH, HEIGHT), tint(color, 0.18))
        pen = ImageDraw.Draw(picture)
        # Two soft discs behind the motif give the composition some depth.
        pen.ellipse((-120, 200, 320, 640), fill=tint(color, 0.3))
        pen.ellipse((560, -160, 960, 240), fill=tint(color, 0.3))
        draw_motif(pen, motif, color, tint(color, 0.35), tint(color, 0.7))
        return picture

    return draw


def card_image(kind, slug, color, collection):
    """The card image of the demo's ``kind`` page ``slug``, or None: saved once in the
    territory's collection, described, with its card renditions made."""
    if (kind, slug) not in CARD_IMAGES:
        return None
    motif, description = CARD_IMAGES[kind, slug]
    image = saved_image(f"Illustration — {slug}", illustration(motif, color), collection=collection)
    if image.description != description:
        image.description = description
        image.save(update_fields=["description"])
    specs = fitting_specs(CARD_IMAGE_SPECS + CARD_IMAGE_FALLBACK_SPECS, image.width)
    image.get_renditions(*[Filter(spec=spec) for spec in specs])
    return image
