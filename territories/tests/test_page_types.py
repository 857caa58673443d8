"""Page types stack themselves: a page type says where it may live (``parent_page_types``) and,
when every territory opens with one, declares its ``standard_section``; no list elsewhere has to
name it for territories to offer it and create it."""

import pytest
from wagtail.models import Locale, Page, get_page_models

from territories.models import TerritoryHomePage
from territories.services import DRAFT_UNTIL_WRITTEN
from testing import make_territory, make_user

pytestmark = pytest.mark.django_db


def page_types():
    return [model for model in get_page_models() if model is not Page]


def declares_the_territory_home_as_parent(model):
    return TerritoryHomePage in model.clean_parent_page_models()


def standard_section_types():
    """What every territory must open with, read from the page types' own declarations."""
    return sorted(
        (
            model
            for model in page_types()
            if getattr(model, "standard_section", None) is not None
            and declares_the_territory_home_as_parent(model)
        ),
        key=lambda model: model.standard_section.order,
    )


def test_a_territory_home_allows_exactly_the_page_types_that_name_it_as_their_parent():
    # Wagtail's own Page, never creatable, names no parent and so is allowed anywhere.
    declared = {
        model for model in get_page_models() if declares_the_territory_home_as_parent(model)
    }

    assert set(TerritoryHomePage.allowed_subpage_models()) == declared


def test_no_page_type_lists_the_types_allowed_under_it():
    # A parent that listed its children would have to be edited for each new page type; only
    # leaves (no child at all) say anything.
    for model in page_types():
        assert getattr(model, "subpage_types", None) in (None, []), model.__name__


def test_a_new_territory_opens_with_every_standard_section_in_order():
    territory = make_territory()

    sections = list(territory.home.get_children().specific())
    assert [type(page) for page in sections] == standard_section_types()
    for page in sections:
        declared = page.standard_section
        assert (page.slug, page.title) == (declared.slug, str(declared.title))
        assert page.show_in_menus is declared.in_menu
        # Published unless it starts empty (the about page: a draft until written).
        assert page.live is not isinstance(page, DRAFT_UNTIL_WRITTEN)


def test_each_standard_section_reaches_the_other_languages_trees():
    territory = make_territory()
    english_home = territory.home.get_translation(Locale.objects.get(language_code="en"))

    sources = list(territory.home.get_children().values_list("pk", flat=True))
    aliases = list(english_home.get_children().values_list("alias_of_id", flat=True))
    assert aliases == sources


def test_a_new_territorys_editor_may_add_every_page_type_its_home_allows_but_not_twice(client):
    territory = make_territory()
    home = territory.home
    client.force_login(make_user(territory, "editor"))
    present = {page.specific_class for page in home.get_children()}

    for model in TerritoryHomePage.creatable_subpage_models():
        meta = model._meta
        url = f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{home.pk}/"
        if model.can_create_at(home):
            assert client.get(url).status_code == 200, model.__name__
        else:
            # Refused only because it is already there, as many times as it may be.
            assert model in present and model.max_count_per_parent == 1, model.__name__
            assert client.get(url)["Location"] == "/admin/", model.__name__
