"""Guardrails for an editor's ordinary mistakes (issue 22), through the admin over HTTP as a
territory's publisher works: each mistake gets a message, and what the editor wrote is kept."""

import json
import re
from datetime import date

import pytest
from django.contrib.messages import constants as message_levels
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.images import looks_like_file_name, public_alt
from projects.models import NewsIndexPage, NewsPage, ProjectIndexPage, ProjectPage
from projects.phases import validate_phase_history
from territories.services import section_of
from testing import make_news, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(client, var):
    client.force_login(make_user(var, "publisher"))
    return client


@pytest.fixture
def news_index(var):
    return section_of(var.home, NewsIndexPage)


def add_news_url(index):
    return f"/admin/pages/add/projects/newspage/{index.pk}/"


def news_form(title="Le guichet unique ouvre", slug="le-guichet-unique-ouvre", body=(), **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Une annonce.",
            "date": "2026-11-30",
            "body": streamfield(list(body)),
            "related_projects": inline_formset([]),
        }
    )
    data.update(extra)
    return data


def paragraph(text="Le guichet ouvre lundi."):
    return ("paragraph", rich_text(f"<p>{text}</p>"))


def messages_of(response):
    return [(m.level, str(m)) for m in response.context["messages"]]


# Images: never the file name as alt text.


@pytest.fixture
def camera_image(var):
    # What the multiple upload makes of a phone's photo: titled after its file, no description.
    return get_image_model().objects.create(
        title="IMG_20261130_photo-reunion",
        file=get_test_image_file("IMG_20261130_photo-reunion.jpg"),
        collection=var.collection,
    )


def image_block(image, alt_text="", decorative=False):
    return ("image", {"image": image.pk, "alt_text": alt_text, "decorative": decorative})


def test_a_file_name_is_recognised_as_such(camera_image):
    assert looks_like_file_name("IMG_20261130_photo-reunion", camera_image)
    assert looks_like_file_name("img 20261130 photo reunion", camera_image)
    assert looks_like_file_name("DSC01234.JPG")
    assert not looks_like_file_name("Les agents réunis autour du prototype", camera_image)


def test_publishing_an_image_with_its_file_name_as_alt_is_refused(
    publisher, news_index, camera_image
):
    data = news_form(
        body=[paragraph(), image_block(camera_image, "IMG_20261130_photo-reunion")],
        **{"action-publish": "publish"},
    )

    response = publisher.post(add_news_url(news_index), data)

    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="le-guichet-unique-ouvre").exists()
    errors = response.context["form"].errors["body"].as_data()[0]
    assert list(errors.block_errors[1].block_errors) == ["alt_text"]
    assert "Le guichet ouvre lundi." in response.content.decode()  # the text is kept


def test_a_description_or_an_explicit_decorative_mark_publishes(
    publisher, news_index, camera_image
):
    described = news_form(
        body=[paragraph(), image_block(camera_image, "Six agents autour d'une table")],
        **{"action-publish": "publish"},
    )
    decorative = news_form(
        title="Deuxième",
        slug="deuxieme",
        body=[paragraph(), image_block(camera_image, "", decorative=True)],
        **{"action-publish": "publish"},
    )

    assert publisher.post(add_news_url(news_index), described).status_code == 302
    assert publisher.post(add_news_url(news_index), decorative).status_code == 302
    assert NewsPage.objects.child_of(news_index).get(slug="le-guichet-unique-ouvre").live
    assert NewsPage.objects.child_of(news_index).get(slug="deuxieme").live


def test_a_draft_may_keep_the_file_name_until_it_is_published(publisher, news_index, camera_image):
    data = news_form(body=[image_block(camera_image, "IMG_20261130_photo-reunion")])

    assert publisher.post(add_news_url(news_index), data).status_code == 302
    assert not NewsPage.objects.child_of(news_index).get(slug="le-guichet-unique-ouvre").live


def test_public_pages_never_show_a_file_name_as_alt(client, var, camera_image):
    # Published before the guardrail (or outside the admin): the public page shows no name.
    camera_image.contextual_alt_text = "IMG_20261130_photo-reunion"
    camera_image.decorative = False
    news = make_news(var, body=[("image", camera_image)])

    html = client.get(news.url, HTTP_HOST="var.localhost").content.decode()

    figure = re.search(r'<figure class="figure">.*?</figure>', html, re.S).group(0)
    assert re.findall(r'alt="([^"]*)"', figure) == [""]

    camera_image.description = "Six agents autour d'une table"
    assert public_alt(camera_image) == "Six agents autour d'une table"


# An empty news item, an empty problem or solution.


def test_publishing_a_news_item_without_body_warns(publisher, news_index):
    data = news_form(**{"action-publish": "publish"})

    response = publisher.post(add_news_url(news_index), data, follow=True)

    news = NewsPage.objects.child_of(news_index).get(slug="le-guichet-unique-ouvre")
    assert news.live  # a warning, not a refusal
    assert [level for level, _text in messages_of(response)].count(message_levels.WARNING) == 1


def test_a_news_item_with_a_body_gets_no_warning(publisher, news_index):
    data = news_form(body=[paragraph()], **{"action-publish": "publish"})

    response = publisher.post(add_news_url(news_index), data, follow=True)

    assert NewsPage.objects.child_of(news_index).get(slug="le-guichet-unique-ouvre").live
    assert message_levels.WARNING not in [level for level, _text in messages_of(response)]


def project_form(problem, solution, phases=()):
    return nested_form_data(
        {
            "title": "Guichet unique",
            "slug": "guichet-unique",
            "intro": "",
            "pitch": "Un seul guichet pour toutes les demandes.",
            "problem": problem,
            "solution": solution,
            "sponsor_service": "",
            "budget": "",
            "service_url": "",
            "source_code_url": "",
            "statistics_url": "",
            "body": streamfield([]),
            "phases": inline_formset(list(phases)),
            "decisions": inline_formset([]),
            "team_members": inline_formset([]),
            "indicators": streamfield([]),
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize("blank", ["<p> </p>", "<p></p><p>&nbsp;</p>", ""])
def test_a_project_without_problem_or_solution_is_refused(publisher, var, blank):
    index = section_of(var.home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"

    response = publisher.post(url, project_form(rich_text(blank), rich_text(blank)))

    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"problem", "solution"}
    assert not ProjectPage.objects.filter(slug="guichet-unique").exists()


# Titles and slugs.


def test_a_title_too_long_is_refused_with_its_limit_not_cut(publisher, news_index):
    form = publisher.get(add_news_url(news_index)).content.decode()
    title_input = re.search(r'<input[^>]*name="title"[^>]*>', form).group(0)
    assert "maxlength" not in title_input  # the browser no longer cuts it silently

    title = "Le guichet unique " * 17  # 305 characters once stripped
    response = publisher.post(add_news_url(news_index), news_form(title=title, body=[paragraph()]))

    assert response.status_code == 200
    [error] = response.context["form"].errors["title"]
    assert "255" in error and "305" in error
    assert title.strip() in response.content.decode()  # nothing lost
    assert not NewsPage.objects.filter(slug="le-guichet-unique-ouvre").exists()


def test_a_slug_never_starts_or_ends_with_a_dash(publisher, news_index):
    form = publisher.get(add_news_url(news_index)).content.decode()
    assert "data-w-slug-formatters-value" in form  # the admin's generation drops them too

    data = news_form(title="« Lapins » :", slug="-lapins--", body=[paragraph()])
    assert publisher.post(add_news_url(news_index), data).status_code == 302

    assert NewsPage.objects.child_of(news_index).filter(slug="lapins").exists()


def test_a_slug_with_no_letter_is_refused(publisher, news_index):
    response = publisher.post(add_news_url(news_index), news_form(slug="---", body=[paragraph()]))

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


# Phases in the method's order.


def entry(phase, start, end=None):
    return {"phase": phase, "start_date": start, "end_date": end}


def test_phases_out_of_the_method_order_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_phase_history(
            [
                entry("construction", date(2019, 2, 4), date(2019, 6, 28)),
                entry("investigation", date(2019, 7, 1)),
            ]
        )
    assert len(error.value.messages) == 1


def test_phases_may_skip_one_or_stop_at_any_point():
    validate_phase_history(
        [
            entry("construction", date(2019, 2, 4), date(2019, 6, 28)),
            entry("consolidation", date(2019, 7, 1), date(2020, 1, 1)),
            entry("stopped", date(2020, 1, 1)),
        ]
    )


def test_the_admin_refuses_phases_out_of_order_and_keeps_the_form(publisher, var):
    index = section_of(var.home, ProjectIndexPage)
    url = f"/admin/pages/add/projects/projectpage/{index.pk}/"
    phases = [
        {"phase": "construction", "start_date": "2024-01-08", "end_date": "2024-06-30"},
        {"phase": "investigation", "start_date": "2024-07-01", "end_date": ""},
    ]
    data = project_form(
        rich_text("<p>Trop de guichets.</p>"),
        rich_text("<p>Un seul.</p>"),
        [dict(phase, comment="") for phase in phases],
    )

    response = publisher.post(url, data)

    assert response.status_code == 200
    assert not ProjectPage.objects.filter(slug="guichet-unique").exists()
    assert "Trop de guichets." in response.content.decode()


# Publishing right after an automatic save.


def test_publishing_after_an_autosave_publishes_the_page_it_created(publisher, news_index):
    form = publisher.get(add_news_url(news_index)).content.decode()
    key = re.search(r'name="creation_key" value="([0-9a-f]{32})"', form).group(1)
    data = news_form(body=[paragraph()], creation_key=key)

    # The editor types; the admin saves automatically (a JSON request to the creation URL).
    autosave = publisher.post(add_news_url(news_index), data, HTTP_ACCEPT="application/json")
    assert json.loads(autosave.content)["success"]
    created = NewsPage.objects.child_of(news_index).get(slug="le-guichet-unique-ouvre")
    assert not created.live

    # « Publier » clicked before the form switched to the new page's edit view.
    data = news_form(
        body=[paragraph("Le guichet ouvre mardi.")],
        creation_key=key,
        **{"action-publish": "publish"},
    )
    response = publisher.post(add_news_url(news_index), data)

    assert response.status_code == 302
    [news] = NewsPage.objects.child_of(news_index).filter(title="Le guichet unique ouvre")
    assert news.pk == created.pk and news.live
    assert "mardi" in str(news.body[0].value)


def test_another_form_with_the_same_slug_is_still_refused(publisher, news_index):
    first = publisher.get(add_news_url(news_index)).content.decode()
    key = re.search(r'name="creation_key" value="([0-9a-f]{32})"', first).group(1)
    data = news_form(body=[paragraph()], creation_key=key)
    publisher.post(add_news_url(news_index), data, HTTP_ACCEPT="application/json")

    # A second creation form (another key, or none) does not overwrite the first page.
    other = news_form(body=[paragraph("Autre")], creation_key="f" * 32)
    response = publisher.post(add_news_url(news_index), other)

    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert (
        NewsPage.objects.child_of(news_index).filter(title="Le guichet unique ouvre").count() == 1
    )
