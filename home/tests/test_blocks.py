"""The shared block registry and the rules its blocks enforce for editors."""

import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import CallToActionBlock, body_blocks
from home.models import ContentPage
from territories.models import TerritoryHomePage

pytestmark = pytest.mark.django_db


def body_block(name):
    return dict(body_blocks())[name]


def test_registry_offers_the_shared_palette():
    assert [name for name, _ in body_blocks()] == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "key_figure",
        "call_to_action",
        "accordion",
        "document",
        "embed",
        "table",
    ]


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Image.objects.create(title="Atelier", file=get_test_image_file())


def test_image_without_alt_text_is_refused_unless_decorative(image):
    block = body_block("image")

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": image.pk, "decorative": False, "alt_text": ""}))

    described = block.clean(
        block.to_python({"image": image.pk, "decorative": False, "alt_text": "Une équipe"})
    )
    assert described.contextual_alt_text == "Une équipe"
    decorative = block.clean(
        block.to_python({"image": image.pk, "decorative": True, "alt_text": ""})
    )
    assert decorative.decorative


def test_image_block_renders_its_alt_text(image):
    block = body_block("image")
    value = block.to_python({"image": image.pk, "decorative": False, "alt_text": "Une équipe"})

    assert 'alt="Une équipe"' in block.render(value)


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    page = TerritoryHomePage.objects.get(slug="var")

    for page_id, url in [(None, ""), (page.pk, "https://example.org/")]:
        with pytest.raises(ValidationError):
            block.clean(block.to_python({"text": "Voir", "page": page_id, "url": url}))
    cleaned = block.clean(block.to_python({"text": "Voir", "page": page.pk, "url": ""}))
    assert cleaned["page"].pk == page.pk


def test_every_block_renders_in_a_page(client):
    """A content page holding one block of each text type renders them all."""
    about = ContentPage.objects.get(slug="a-propos", url_path__startswith="/var/")
    cta = {"text": "Les projets", "description": "", "page": about.get_parent().pk, "url": ""}
    about.body = json.dumps(
        [
            {"type": "heading", "value": {"text": "Un titre", "level": "h3"}},
            {
                "type": "quote",
                "value": {"quote": "Livrer tôt.", "attribution": "Une intrapreneure"},
            },
            {
                "type": "key_figure",
                "value": {"value": "20 %", "label": "de rendez-vous manqués", "source": ""},
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Questions",
                    "items": [{"question": "Qui ?", "answer": "<p>Tous</p>"}],
                },
            },
            {"type": "call_to_action", "value": cta},
            {
                "type": "table",
                "value": {
                    "caption": "Rendez-vous",
                    "table": {
                        "columns": [
                            {"type": "text", "heading": "Année"},
                            {"type": "number", "heading": "Taux"},
                        ],
                        "rows": [{"values": ["2017", "20"]}, {"values": ["2019", "5"]}],
                    },
                },
            },
        ]
    )
    about.save_revision().publish()

    html = client.get("/a-propos/", HTTP_HOST="var.localhost").content.decode()

    assert "<h3>Un titre</h3>" in html
    assert "<blockquote><p>Livrer tôt.</p></blockquote>" in html
    assert '<p class="key-figure__value">20 %</p>' in html
    assert "<summary>Qui ?</summary>" in html
    assert '<a class="button" href="/">Les projets</a>' in html
    assert "<caption>Rendez-vous</caption>" in html
    assert '<th scope="col">Taux</th>' in html
