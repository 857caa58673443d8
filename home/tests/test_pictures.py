"""An image block's srcset lists each width once (home/templatetags/pictures.py)."""

import re

import pytest
from django.template import Context, Template
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import body_blocks
from home.templatetags.pictures import fitting_specs


@pytest.fixture
def media(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def srcsets(html):
    return [re.findall(r" (\d+w)", srcset) for srcset in re.findall(r'srcset="([^"]*)"', html)]


def test_an_800_pixel_image_lists_800w_once_per_format(media):
    image = Image.objects.create(title="Réunion", file=get_test_image_file(size=(800, 600)))

    html = Template(
        "{% load pictures %}{% responsive_picture image format-{webp,jpeg} width-{400,800,1200} "
        'sizes="100vw" alt="Une réunion" %}'
    ).render(Context({"image": image}))

    assert srcsets(html) == [["400w", "800w"], ["400w", "800w"]]
    assert "<source " in html and 'type="image/webp"' in html
    assert 'alt="Une réunion"' in html and 'sizes="100vw"' in html


def test_the_image_block_of_a_page_lists_each_width_once(media):
    image = Image.objects.create(title="Réunion", file=get_test_image_file(size=(800, 600)))
    block = dict(body_blocks())["image"]
    value = block.to_python({"image": image.pk, "decorative": False, "alt_text": "Une équipe"})

    html = block.render(value)

    assert srcsets(html) == [["400w", "800w"], ["400w", "800w"]]


def test_a_large_image_keeps_every_width(media):
    image = Image.objects.create(title="Carte", file=get_test_image_file(size=(1600, 900)))

    html = Template(
        "{% load pictures %}{% responsive_picture image format-{webp,jpeg} width-{400,800,1200} %}"
    ).render(Context({"image": image}))

    assert srcsets(html) == [["400w", "800w", "1200w"], ["400w", "800w", "1200w"]]


def test_widths_beyond_the_original_collapse_into_the_first_asked():
    specs = ["format-webp|width-400", "format-webp|width-800", "format-webp|width-1200"]
    assert fitting_specs(specs, 800) == specs[:2]
    assert fitting_specs(specs, 300) == specs[:1]
    assert fitting_specs(["fill-100x100", "fill-200x200"], 50) == ["fill-100x100", "fill-200x200"]
