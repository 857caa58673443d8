"""The image an editor chooses for a page's card: shown as a responsive WebP picture with its
description as alternative text, prefetched by every listing, and kept inside the territory."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as Picture
from wagtail.images.models import Image
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from irritants.models import CallForIrritantsPage
from projects.card_images import CARD_IMAGE_SPECS
from projects.models import NewsPage, ProjectPage
from territories import references
from territories.models import TerritorySettings
from testing.builders import make_news, make_project, make_user, open_call

pytestmark = pytest.mark.django_db

VAR = "var.localhost"
CARD_PICTURE = re.compile(r'<div class="card__image">(<picture>.*?</picture>)</div>', re.S)


def drawn_image(collection, description="Trois agents devant un guichet", width=1200):
    buffer = io.BytesIO()
    Picture.new("RGB", (width, width * 9 // 16), "#2a6f97").save(buffer, format="PNG")
    return Image.objects.create(
        title="Photo du guichet",
        description=description,
        collection=collection,
        file=ImageFile(buffer, name="guichet.png"),
    )


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGECACHE_ENABLED = False


def pictures(client, path, host=VAR):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return CARD_PICTURE.findall(response.content.decode())


def picture_of(client, path, title, host=VAR):
    """The picture of the card titled ``title`` (None if it has none)."""
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    card = re.search(rf">{re.escape(title)}</a>.*?</(article|li)>", response.content.decode(), re.S)
    assert card, title
    picture = CARD_PICTURE.search(card[0])
    return picture and picture[1]


def attribute(html, tag, name):
    match = re.search(rf'<{tag}\b[^>]*\s{name}="([^"]*)"', html)
    return match and match[1]


@pytest.mark.parametrize(
    "build, listing",
    [
        (
            lambda var, image: make_project(var, title="Illustré", card_image=image),
            "/projets/",
        ),
        (
            lambda var, image: make_news(var, title="Illustré", card_image=image),
            "/actualites/",
        ),
        (lambda var, image: open_call(var, title="Illustré", card_image=image), "/appels/"),
    ],
    ids=["project", "news", "call"],
)
def test_a_card_shows_its_image_as_a_responsive_webp_picture(client, var, build, listing):
    image = drawn_image(var.collection)
    build(var, image)

    picture = picture_of(client, listing, "Illustré")

    source_set = attribute(picture, "source", "srcset")
    assert attribute(picture, "source", "type") == "image/webp"
    assert re.fullmatch(r"\S+\.webp 400w, \S+\.webp 800w", source_set), source_set
    assert attribute(picture, "source", "sizes")
    # The fallback: its size given, so that nothing moves when it loads; lazy, described.
    assert attribute(picture, "img", "width") == "400"
    assert attribute(picture, "img", "height") == "225"
    assert attribute(picture, "img", "loading") == "lazy"
    assert attribute(picture, "img", "alt") == "Trois agents devant un guichet"
    for spec in CARD_IMAGE_SPECS:
        assert image.renditions.filter(filter_spec=spec).exists()


def test_cards_without_an_image_have_no_empty_box(client, var):
    make_project(var, title="Projet sans image")

    assert picture_of(client, "/projets/", "Projet sans image") is None


def test_a_decorative_card_image_has_an_empty_alt(client, var):
    make_project(
        var, card_image=drawn_image(var.collection), card_image_decorative=True, title="Déco"
    )

    picture = picture_of(client, "/projets/", "Déco")
    assert attribute(picture, "img", "alt") == ""


def test_a_small_image_is_not_listed_twice_in_the_srcset(client, var):
    make_project(var, card_image=drawn_image(var.collection, width=500), title="Petite")

    picture = picture_of(client, "/projets/", "Petite")
    assert re.fullmatch(r"\S+\.webp 400w, \S+\.webp 500w", attribute(picture, "source", "srcset"))


def test_the_territory_home_shows_the_images_of_its_latest_news(client, var):
    make_news(var, title="Nouvelle à la une", card_image=drawn_image(var.collection))

    picture = picture_of(client, "/", "Nouvelle à la une")
    assert attribute(picture, "img", "alt") == "Trois agents devant un guichet"


def test_the_hub_catalogue_shows_project_images(client, var):
    make_project(var, title="Aaa projet illustré", card_image=drawn_image(var.collection))

    assert picture_of(client, "/catalogue/", "Aaa projet illustré", host="localhost")


def listing_queries(client, path):
    client.get(path, HTTP_HOST=VAR)  # the renditions are made once, on the first view
    cache.clear()  # measured: the listing rendered, not a cached fragment of it
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=VAR).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "build, listing",
    [
        (make_project, "/projets/"),
        (make_news, "/actualites/"),
        (open_call, "/appels/"),
    ],
    ids=["projects", "news", "calls"],
)
def test_a_listing_costs_the_same_queries_however_many_cards_have_an_image(
    client, var, build, listing
):
    build(var, title="Illustré 0", card_image=drawn_image(var.collection))
    one = listing_queries(client, listing)

    for number in range(1, 5):
        build(var, title=f"Illustré {number}", card_image=drawn_image(var.collection))

    assert len(pictures(client, listing)) >= 5
    assert listing_queries(client, listing) == one


# The page form ----------------------------------------------------------------------------

BUILDERS = {
    "project": (
        make_project,
        ProjectPage,
        {"body": streamfield([]), "indicators": streamfield([])},
    ),
    "news": (make_news, NewsPage, {"body": streamfield([])}),
    "call": (open_call, CallForIrritantsPage, {"body": streamfield([])}),
}


def edit_form(client, page, **changes):
    """The page's edit form as the browser sends it (StreamFields given in ``changes``)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    sent = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: values for key, values in sent.lists() if "__prefix__" not in key}
    data.update(nested_form_data(changes))
    return data


def saved_state(page):
    page.refresh_from_db()
    return page.card_image_id, page.revisions.count(), page.latest_revision_id


@pytest.mark.parametrize("kind", BUILDERS)
def test_an_editor_cannot_give_a_card_another_territorys_image(client, var, pau, kind):
    build, model, streams = BUILDERS[kind]
    page = build(var, title="Page du Var")
    client.force_login(make_user(var, "editor"))
    pau_image = drawn_image(pau.collection, description="Le guichet de Pau")
    before = saved_state(page)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(client, page, card_image=pau_image.pk, **streams),
    )

    assert response.status_code == 200  # the form again, not a redirection
    errors = response.context["form"].errors
    assert str(references.MESSAGES["image"]) in errors.get("card_image", []), errors
    assert saved_state(model.objects.get(pk=page.pk)) == before


def test_the_card_image_chooser_offers_only_the_territorys_images(client, var, pau):
    own = drawn_image(var.collection)
    client.force_login(make_user(var, "editor"))

    response = client.get("/admin/images/chooser/")

    assert response.status_code == 200
    offered = {image.pk for image in response.context["results"]}
    assert own.pk in offered
    assert TerritorySettings.for_site(pau.site).logo_id not in offered


@pytest.mark.parametrize("kind", BUILDERS)
def test_an_editor_saves_a_card_image_of_the_territory(client, var, kind):
    build, model, streams = BUILDERS[kind]
    page = build(var, title="Page du Var")
    image = drawn_image(var.collection)
    client.force_login(make_user(var, "editor"))

    response = client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(client, page, card_image=image.pk, **streams)
    )

    assert response.status_code == 302, response.context["form"].errors
    latest = model.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.card_image_id == image.pk


def test_an_image_without_description_needs_the_decorative_box(client, var):
    page = make_news(var, title="Page du Var")
    image = drawn_image(var.collection, description="")
    client.force_login(make_user(var, "editor"))
    before = saved_state(page)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(client, page, card_image=image.pk, body=streamfield([])),
    )

    assert response.status_code == 200
    assert "card_image" in response.context["form"].errors
    assert saved_state(NewsPage.objects.get(pk=page.pk)) == before

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(
            client, page, card_image=image.pk, card_image_decorative="on", body=streamfield([])
        ),
    )
    assert response.status_code == 302


def test_on_an_english_page_the_french_description_says_its_language(client, var):
    make_project(var, title="Projet illustré", card_image=drawn_image(var.collection))

    picture = picture_of(client, "/en/projets/", "Projet illustré")

    assert attribute(picture, "img", "alt") == "Trois agents devant un guichet"
    assert attribute(picture, "img", "lang") == "fr"
    picture = picture_of(client, "/projets/", "Projet illustré")
    assert attribute(picture, "img", "lang") is None
