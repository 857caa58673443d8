"""Pictures for the demo, drawn here so the repository ships no binary files.

Each is saved once as a Wagtail image, found again by its title on the next load.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as Picture
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image


def saved_image(title, draw, collection=None):
    """The Wagtail image called ``title``, drawn by ``draw()`` the first time."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    draw().save(buffer, format="PNG", optimize=True)
    fields = {"collection": collection} if collection is not None else {}
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{slug[:60]}.png"), **fields
    )


def font(size):
    return ImageFont.load_default(size=size)


def logo(initials, color):
    """A square badge: the territory's initials in white on its colour."""

    def draw():
        picture = Picture.new("RGB", (256, 256), "white")
        pen = ImageDraw.Draw(picture)
        pen.rounded_rectangle((8, 8, 248, 248), radius=40, fill=color)
        pen.text((128, 128), initials, font=font(110), fill="white", anchor="mm")
        return picture

    return draw


def steps_diagram(steps, color):
    """The method's steps as numbered boxes joined by arrows, on two rows."""

    def draw():
        width, height, per_row = 1600, 620, 4
        picture = Picture.new("RGB", (width, height), "white")
        pen = ImageDraw.Draw(picture)
        box_width, box_height, gap = 330, 220, 60
        for number, label in enumerate(steps):
            row, column = divmod(number, per_row)
            left = 40 + column * (box_width + gap) + (row * (box_width + gap) // 2)
            top = 60 + row * (box_height + 100)
            pen.rounded_rectangle(
                (left, top, left + box_width, top + box_height), radius=24, fill=color
            )
            pen.text((left + 28, top + 22), str(number + 1), font=font(64), fill="white")
            pen.multiline_text(
                (left + 28, top + 110), label, font=font(34), fill="white", spacing=8
            )
            if column < per_row - 1 and number < len(steps) - 1:
                y = top + box_height // 2
                x = left + box_width + 8
                pen.line((x, y, x + gap - 16, y), fill="#333333", width=6)
                pen.polygon(
                    [(x + gap - 8, y), (x + gap - 24, y - 12), (x + gap - 24, y + 12)],
                    fill="#333333",
                )
        return picture

    return draw
