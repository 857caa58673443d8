"""The demo's card images: drawn in the territory's colour, described in French, kept in the
territory's collection, their card renditions made with them."""

import pytest
from wagtail.images.models import Image

from home.images import public_alt
from irritants.models import CallForIrritantsPage
from projects.card_images import CARD_IMAGE_SPECS
from projects.models import NewsPage, ProjectPage
from territories.models import Territory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["var", "pau", "grandest", "pasdecalais"])
def test_the_demo_illustrates_its_cards_inside_each_territory(slug):
    territory = Territory.objects.select_related("home").get(slug=slug)
    pages = [
        page
        for model in (ProjectPage, NewsPage, CallForIrritantsPage)
        for page in model.objects.descendant_of(territory.home).filter(
            locale_id=territory.home.locale_id
        )
    ]
    illustrated = [page for page in pages if page.card_image_id]

    assert illustrated
    assert len(illustrated) < len(pages)  # some cards stay without an image
    for page in illustrated:
        image = Image.objects.get(pk=page.card_image_id)
        assert image.collection_id == territory.collection_id
        assert public_alt(image).startswith("Illustration : ")
        assert not page.card_image_decorative
        assert set(CARD_IMAGE_SPECS) <= set(image.renditions.values_list("filter_spec", flat=True))
