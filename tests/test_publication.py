"""Nothing goes public without a publisher, whatever the path (issue 15, finding 1).

Each test sends by hand what a Rédaction account could send — wagtail-localize's update and
publish views, "convert to alias", a revert, a bulk publish, the admin API — and checks that
the public page did not change. The same requests by a publisher go through.
"""

from contextlib import contextmanager
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, PageViewRestriction, Revision
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationSource,
)

from home.models import ContentPage
from projects.models import NewsPage, ProjectPage
from territories.acting import acting_for
from territories.models import Territory
from territories.restrictions import privacy_sync

pytestmark = pytest.mark.django_db

VAR = {"HTTP_HOST": "var.localhost"}


@pytest.fixture
def editor(var):
    user = get_user_model().objects.create_user(username="redaction-var-t", password="x")
    user.groups.add(var.editors)
    return user


@pytest.fixture
def publisher(var):
    user = get_user_model().objects.create_user(username="publication-var-t", password="x")
    user.groups.add(var.publishers)
    return user


@pytest.fixture
def apa():
    """« APA à domicile », translated into English in the demo (/en/projets/home-care-…)."""
    french = ProjectPage.objects.get(url_path="/var/projets/apa-a-domicile/")
    english = french.get_translation(Locale.objects.get(language_code="en"))
    record = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=english.locale
    )
    return french, english, record


@contextmanager
def committed_as(user, capture):
    """Run what a request defers until its commit (wagtail-localize's publications) as that
    request's user, as in production: the test's transaction never commits, so the captured
    callbacks run after the request has returned."""
    with acting_for(SimpleNamespace(user=user)), capture(execute=True):
        yield


def refused(response):
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def public_state(page):
    page = Page.objects.get(pk=page.pk).specific
    return (page.live, page.live_revision_id, page.title, page.alias_of_id, page.intro)


def edit_a_string(client, record, value):
    segment = StringSegment.objects.filter(source=record.source, string__data="APA à domicile")
    segment = segment.first() or record.source.stringsegment_set.order_by("order").first()
    url = f"/admin/localize/translate/{record.pk}/strings/{segment.pk}/edit/"
    return client.put(url, f"value={value}", content_type="application/x-www-form-urlencoded")


def english_page_html(client):
    return client.get("/en/projets/home-care-allowance/", **VAR).content.decode()


def test_an_editor_cannot_publish_a_translation_through_update_translations(
    client, editor, apa, django_capture_on_commit_callbacks
):
    french, english, record = apa
    client.force_login(editor)
    assert edit_a_string(client, record, "Pirate title").status_code == 200
    before = public_state(english)

    with committed_as(editor, django_capture_on_commit_callbacks):
        response = client.post(
            f"/admin/localize/update/{record.source_id}/", {"publish_translations": "on"}
        )

    assert refused(response)
    assert public_state(english) == before
    assert "Pirate" not in english_page_html(client)


def test_an_editor_cannot_publish_from_the_translation_editor(
    client, editor, apa, django_capture_on_commit_callbacks
):
    french, english, record = apa
    client.force_login(editor)
    edit_a_string(client, record, "Pirate title")
    before = public_state(english)

    with committed_as(editor, django_capture_on_commit_callbacks):
        response = client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})

    assert refused(response)
    assert public_state(english) == before


def test_a_publisher_publishes_the_same_translation(
    client, publisher, apa, django_capture_on_commit_callbacks
):
    french, english, record = apa
    client.force_login(publisher)
    edit_a_string(client, record, "Reviewed title")

    with committed_as(publisher, django_capture_on_commit_callbacks):
        response = client.post(
            f"/admin/localize/update/{record.source_id}/", {"publish_translations": "on"}
        )

    assert response.status_code == 302
    assert "Reviewed title" in english_page_html(client)


def test_an_editor_cannot_turn_a_translation_back_into_an_alias_of_a_draft(
    client, editor, apa, django_capture_on_commit_callbacks
):
    """Converting to an alias copies the French page's latest revision — a draft nobody
    reviewed — into the live English page."""
    french, english, record = apa
    french.title = "Brouillon non relu"
    french.save_revision(user=editor)
    client.force_login(editor)
    before = public_state(english)

    with committed_as(editor, django_capture_on_commit_callbacks):
        response = client.post(f"/admin/localize/page/{english.pk}/convert_to_alias/")

    assert refused(response)
    assert public_state(english) == before
    # The dashboard it lands on says why, in French.
    assert (
        "Seule l’équipe de publication de ce territoire" in client.get("/admin/").content.decode()
    )
    assert "Brouillon non relu" not in english_page_html(client)


def test_an_editor_cannot_publish_by_reverting_bulk_publishing_or_the_admin_api(
    client, editor, apa, django_capture_on_commit_callbacks
):
    french, _english, _record = apa
    published = french.live_revision
    french.title = "Brouillon non relu"
    french.save_revision(user=editor)
    client.force_login(editor)
    before = public_state(french)

    with committed_as(editor, django_capture_on_commit_callbacks):
        attempts = {
            "bulk publish": client.post(
                f"/admin/bulk/wagtailcore/page/publish/?id={french.pk}",
                {"include_descendants": "on"},
            ),
            "admin API": client.post(
                f"/admin/api/main/pages/{french.pk}/action/publish/",
                {},
                content_type="application/json",
            ),
            "revert": client.post(
                f"/admin/api/main/pages/{french.pk}/action/revert_to_page_revision/",
                {"revision_id": published.pk},
                content_type="application/json",
            ),
        }

    # Reverting makes a new draft from the old revision: allowed, and nothing goes live. The
    # bulk action leaves out the pages one may not publish.
    assert refused(attempts["admin API"])
    assert public_state(french) == before
    html = client.get("/projets/apa-a-domicile/", **VAR).content.decode()
    assert "Brouillon non relu" not in html


def test_an_editor_still_sends_a_live_page_for_translation(client, editor):
    """Sending for translation is the editors' job: it makes an English draft and leaves
    the public English page as it was."""
    english_locale = Locale.objects.get(language_code="en")
    french = ProjectPage.objects.live().filter(url_path__startswith="/var/projets/")
    french = french.exclude(slug="apa-a-domicile").first()
    alias = french.get_translation(english_locale)
    assert alias.alias_of_id == french.pk and alias.live
    before = public_state(alias)
    client.force_login(editor)

    response = client.post(
        f"/admin/localize/submit/page/{french.pk}/", {"locales": [english_locale.pk]}
    )

    assert response.status_code == 302, response
    assert response["Location"] != "/admin/", [str(m) for m in response.wsgi_request._messages]
    after = public_state(alias)
    assert after[0:3] == before[0:3]  # still live, same live revision and title
    assert after[3] is None  # a translation to write now, no longer an alias


def test_an_editor_translation_goes_through_the_territory_review(
    client, editor, publisher, apa, django_capture_on_commit_callbacks
):
    french, english, record = apa
    client.force_login(editor)
    edit_a_string(client, record, "Home care allowance, reviewed")
    before = public_state(english)
    header = client.get(f"/admin/pages/{english.pk}/").content.decode()  # the page's menu
    assert f"/admin/territories/translations/{english.pk}/submit/" in header
    assert client.get(f"/admin/territories/translations/{english.pk}/submit/").status_code == 200

    response = client.post(f"/admin/territories/translations/{english.pk}/submit/")

    assert response.status_code == 302
    assert public_state(english) == before  # nothing public before the review
    english.refresh_from_db()
    state = english.current_workflow_state
    assert state is not None and state.workflow == Territory.objects.get(slug="var").workflow
    assert english.get_latest_revision().content["title"] == "Home care allowance, reviewed"

    # The publisher approves in Wagtail's own screen: it goes live then.
    client.force_login(publisher)
    task_state = state.current_task_state
    with committed_as(publisher, django_capture_on_commit_callbacks):
        approve = client.post(
            f"/admin/pages/workflow/action/{english.pk}/approve/{task_state.pk}/", {}
        )
    assert approve.status_code in (200, 302)
    assert "Home care allowance, reviewed" in english_page_html(client)


def test_an_editor_cannot_submit_another_territory_translation(client, apa):
    _french, english, _record = apa
    pau = Territory.objects.get(slug="pau")
    user = get_user_model().objects.create_user(username="redaction-pau-t", password="x")
    user.groups.add(pau.editors)
    client.force_login(user)
    before = public_state(english)
    revisions = english.revisions.count()

    for method in (client.get, client.post):
        response = method(f"/admin/territories/translations/{english.pk}/submit/")
        assert response.status_code in (302, 403, 404)
    assert public_state(english) == before
    assert english.revisions.count() == revisions
    assert Page.objects.get(pk=english.pk).specific.current_workflow_state is None


def test_an_override_pointing_at_another_territory_never_goes_live(
    client, editor, publisher, django_capture_on_commit_callbacks
):
    """wagtail-localize lets a translator swap a chosen document for another id, outside the
    page form: the publication refuses it, whoever publishes."""
    english_locale = Locale.objects.get(language_code="en")
    var, pau = Territory.objects.get(slug="var"), Territory.objects.get(slug="pau")
    ours = Document.objects.create(
        title="Bilan du Var",
        file=ContentFile(b"%PDF-1.4 v", name="v.pdf"),
        collection=var.collection,
    )
    theirs = Document.objects.create(
        title="Note interne de Pau",
        file=ContentFile(b"%PDF-1.4 p", name="p.pdf"),
        collection=pau.collection,
    )
    about = ContentPage.objects.get(url_path="/var/a-propos/")
    about.body = [("document", {"document": ours, "label": "Le bilan"})]
    about.save_revision().publish()
    # The English about page is a translation already: bring it up to date, published.
    source, _created = TranslationSource.update_or_create_from_instance(about)
    record = Translation.objects.get(source=source, target_locale=english_locale)
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    english = about.get_translation(english_locale)
    segment = OverridableSegment.objects.get(source=source, context__path__endswith=".document")
    client.force_login(editor)
    override = client.put(
        f"/admin/localize/translate/{record.pk}/overrides/{segment.pk}/edit/",
        f"value={theirs.pk}",
        content_type="application/x-www-form-urlencoded",
    )
    assert override.status_code == 403
    assert not SegmentOverride.objects.filter(context=segment.context).exists()
    preview = client.get(f"/admin/localize/translate/{record.pk}/preview/").content.decode()
    assert "p.pdf" not in preview and "Note interne de Pau" not in preview
    # One's own document is accepted.
    ours_again = Document.objects.create(
        title="Bilan bis", file=ContentFile(b"%PDF-1.4 w", name="w.pdf"), collection=var.collection
    )
    override = client.put(
        f"/admin/localize/translate/{record.pk}/overrides/{segment.pk}/edit/",
        f"value={ours_again.pk}",
        content_type="application/x-www-form-urlencoded",
    )
    assert override.status_code in (200, 201)
    # An override made before this rule (outside any request) never goes live either.
    SegmentOverride.objects.filter(context=segment.context).update(data_json=str(theirs.pk))
    before = public_state(english)

    # The editor's review step refuses it with the reason, and starts no review.
    response = client.post(f"/admin/territories/translations/{english.pk}/submit/", follow=True)
    assert "appartient à un autre territoire" in response.content.decode()
    assert Page.objects.get(pk=english.pk).specific.current_workflow_state is None
    # The publisher's publication from the translation editor is refused too.
    client.force_login(publisher)
    with committed_as(publisher, django_capture_on_commit_callbacks):
        response = client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert refused(response)
    assert public_state(english) == before
    html = client.get("/en/about/", **VAR).content.decode()
    assert "Note interne de Pau" not in html and "p.pdf" not in html


# The paths a second read found open ------------------------------------------------------


def test_an_editor_cannot_schedule_a_publication(editor):
    """The scheduler publishes what a revision's approved go-live date says: setting one is
    publishing later (wagtail-localize publishes with no user, the date comes from the page)."""
    news = NewsPage.objects.filter(url_path__startswith="/var/actualites/").first()
    news.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = news.save_revision(user=editor)

    with acting_for(SimpleNamespace(user=editor)), pytest.raises(PermissionDenied):
        revision.publish()

    assert not Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False).exists()


def asks_password(response):
    return 'name="password"' in response.content.decode()


def test_an_editor_cannot_lift_a_restriction_through_update_translations(client, editor, apa):
    french, english, record = apa
    PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    client.force_login(editor)

    response = client.post(f"/admin/localize/update/{record.source_id}/", {})

    assert refused(response)
    assert PageViewRestriction.objects.filter(page=english).exists()
    assert asks_password(client.get("/projets/apa-a-domicile/", **VAR))


def test_one_restriction_per_page_and_lifting_it_lifts_every_language(client, publisher, apa):
    french, english, record = apa
    client.force_login(publisher)
    response = client.post(
        f"/admin/pages/{french.pk}/privacy/", {"restriction_type": "password", "password": "s3"}
    )
    assert response.status_code == 200
    # wagtail-localize copies it onto the translation: the copy goes, the rule covers it.
    record.source.update_target_view_restrictions(english.locale)
    assert (
        PageViewRestriction.objects.filter(page__translation_key=french.translation_key).count()
        == 1
    )
    assert asks_password(client.get("/en/projets/home-care-allowance/", **VAR))
    # A copy left by an earlier version is lifted with the original.
    with privacy_sync():
        PageViewRestriction.objects.create(page=english, restriction_type="login")

    client.post(f"/admin/pages/{french.pk}/privacy/", {"restriction_type": "none"})

    assert not PageViewRestriction.objects.filter(page__translation_key=french.translation_key)
    assert not asks_password(client.get("/en/projets/home-care-allowance/", **VAR))


def test_an_editor_cannot_change_a_document_shown_on_a_live_page(client, editor, publisher, var):
    document = Document.objects.create(
        title="Bilan 2025", file=ContentFile(b"%PDF-1.4 b", name="b.pdf"), collection=var.collection
    )
    document.uploaded_by_user = editor
    document.save()
    about = ContentPage.objects.get(url_path="/var/a-propos/")
    about.body = [("document", {"document": document, "label": "Le bilan"})]
    about.save_revision().publish()
    client.force_login(editor)

    edit = client.post(f"/admin/documents/edit/{document.pk}/", {"title": "Faux bilan"})
    delete = client.post(f"/admin/documents/delete/{document.pk}/")

    assert refused(edit) and refused(delete)
    assert Document.objects.get(pk=document.pk).title == "Bilan 2025"
    # Its publishers may (and the page cache of the sites showing it follows).
    client.force_login(publisher)
    edit = client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Bilan 2025, corrigé", "collection": var.collection_id},
    )
    assert edit.status_code == 302
    assert Document.objects.get(pk=document.pk).title == "Bilan 2025, corrigé"


def test_an_editor_cannot_delete_a_page_still_published_in_english(client, editor, publisher, apa):
    french, english, _record = apa
    french.unpublish()  # the English translation stays live: Wagtail unpublishes aliases only
    client.force_login(editor)

    response = client.post(f"/admin/pages/{french.pk}/delete/")

    assert refused(response)
    assert Page.objects.filter(pk=french.pk).exists()
    assert Page.objects.get(pk=english.pk).live


def test_a_page_can_only_be_opened_to_its_territory_groups(client, publisher, var, pau, apa):
    french, _english, _record = apa
    client.force_login(publisher)
    form = {"restriction_type": "groups"}

    response = client.post(
        f"/admin/pages/{french.pk}/privacy/", {**form, "groups": [pau.editors_id, var.editors_id]}
    )

    assert response.status_code == 200
    restriction = PageViewRestriction.objects.get(page=french)
    assert list(restriction.groups.all()) == [var.editors]  # Pau's group taken off
    assert "ne peut être ouverte" in client.get("/admin/").content.decode()
