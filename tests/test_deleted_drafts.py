"""Deleting a French page deletes its automatic copies (and translations) in the other
languages, whatever the path: so an abandoned draft leaves nothing behind, and the next page
with its title gets its plain address in every language."""

import pytest
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.operations import translate_object

from home.models import ContentPage
from projects.models import NewsIndexPage, NewsPage
from tests.accounts import user_in

pytestmark = pytest.mark.django_db

TITLE = "Atelier des aidants, première session"
SLUG = "atelier-des-aidants-premiere-session"


@pytest.fixture
def editor(client, var):
    client.force_login(user_in(var.editors, "redaction-var-drafts"))
    return client


@pytest.fixture
def publisher(client, var):
    client.force_login(user_in(var.publishers, "publication-var-drafts"))
    return client


@pytest.fixture
def news_index():
    return NewsIndexPage.objects.get(url_path="/var/actualites/")


def create_draft(client, news_index):
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": SLUG,
            "intro": "Un après-midi pour les proches aidants.",
            "date": "2026-11-20",
            "body": streamfield([]),
            "related_projects": inline_formset([]),
        }
    )
    data["action-save"] = "save"
    response = client.post(f"/admin/pages/add/projects/newspage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsPage.objects.get(slug=SLUG, locale=Locale.get_default())


def every_version(page):
    """The page in every language, automatic copies and translations alike."""
    return Page.objects.filter(translation_key=page.translation_key)


def test_an_abandoned_draft_deleted_in_the_admin_leaves_no_english_draft(
    editor, news_index, english
):
    draft = create_draft(editor, news_index)
    copy = draft.get_translation(english)
    assert copy.alias_of_id == draft.pk and not copy.live

    response = editor.post(f"/admin/pages/{draft.pk}/delete/")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not every_version(draft).exists()
    assert not Page.objects.filter(pk=copy.pk).exists()

    # The same title again: the plain address in French and in English, no "-1".
    again = create_draft(editor, news_index)
    assert again.slug == SLUG
    assert again.get_translation(english).slug == SLUG


def test_bulk_delete_takes_the_copies_along(publisher, news_index, english):
    draft = create_draft(publisher, news_index)
    copy = draft.get_translation(english)

    response = publisher.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Page.objects.filter(pk=draft.pk).exists()
    assert not every_version(draft).exists()
    assert not Page.objects.filter(pk=copy.pk).exists()


def test_delete_page_action_and_page_delete_take_the_copies_along(news_index, english):
    first = news_index.add_child(instance=NewsPage(title=TITLE, slug=SLUG, live=False))
    translate_object(first, [english])  # a real English translation this time
    assert first.get_translation(english).alias_of_id is None

    DeletePageAction(first).execute(skip_permission_checks=True)

    assert not every_version(first).exists()

    second = news_index.add_child(instance=NewsPage(title=TITLE, slug=SLUG, live=False))
    second.copy_for_translation(english, copy_parents=True, alias=True)
    second.delete()

    assert not every_version(second).exists()


def test_a_deleted_section_takes_its_english_subtree_along(admin_client, english):
    # Deleting a page with children takes Wagtail's bulk_delete permission: an administrator.
    about = ContentPage.objects.get(url_path="/var/a-propos/")
    parent = about.add_child(instance=ContentPage(title="Partenaires", slug="partenaires"))
    child = parent.add_child(instance=ContentPage(title="Département", slug="departement"))
    for page in (parent, child):
        page.copy_for_translation(english, copy_parents=True, alias=True)
    english_parent = parent.get_translation(english)
    english_child = child.get_translation(english)
    assert english_child.get_parent().pk == english_parent.pk

    response = admin_client.post(f"/admin/pages/{parent.pk}/delete/")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Page.objects.filter(pk__in=[parent.pk, child.pk]).exists()
    assert not Page.objects.filter(pk__in=[english_parent.pk, english_child.pk]).exists()
    assert about.get_translation(english).get_children().filter(slug="partenaires").count() == 0


def test_deleting_an_english_version_leaves_the_french_page_alone(publisher, news_index, english):
    draft = create_draft(publisher, news_index)
    translate_object(draft, [english])
    translation = draft.get_translation(english)

    response = publisher.post(f"/admin/pages/{translation.pk}/delete/")

    assert response.status_code == 302, response.content.decode()[:3000]
    assert not Page.objects.filter(pk=translation.pk).exists()
    assert Page.objects.filter(pk=draft.pk).exists()
