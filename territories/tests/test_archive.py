"""Archiving takes a territory offline without losing anything; restoring brings it back."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation, TranslationSource

from projects.models import NewsPage
from territories.archive import restore_command
from testing import make_news, make_project, make_territory, make_user

pytestmark = pytest.mark.django_db


def refused(response):
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def admin_datetime(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def snapshot(territory):
    """What citizens see: every live page with its published content."""
    return {
        page.pk: (page.title, page.url_path, page.live_revision_id)
        for page in territory.pages().live()
    }


def test_archive_then_restore_brings_back_exactly_what_was_online(client):
    territory = make_territory()
    host = territory.site.hostname
    draft_page = make_project(territory)
    before = snapshot(territory)
    pages = territory.pages().count()
    draft_page.title = "Brouillon jamais publié"
    draft_page.save_revision()
    assert client.get("/projets/", HTTP_HOST=host).status_code == 200
    assert territory.name in client.get("/", HTTP_HOST="localhost").content.decode()

    call_command("archive_territory", territory.slug)
    territory.refresh_from_db()

    assert territory.is_archived
    assert not territory.pages().live().exists()
    assert territory.pages().count() == pages
    for path in ("/", "/projets/", "/en/"):
        # Gone (preparation.py), not "not found".
        assert client.get(path, HTTP_HOST=host).status_code == 410
    hub = client.get("/", HTTP_HOST="localhost").content.decode()
    assert territory.name not in hub

    call_command("archive_territory", territory.slug, "--restore")
    territory.refresh_from_db()

    assert not territory.is_archived
    assert snapshot(territory) == before
    assert territory.pages().count() == pages
    # The draft written before archiving is still a draft, not published by the restore.
    draft_page.refresh_from_db()
    assert draft_page.title != "Brouillon jamais publié"
    assert draft_page.has_unpublished_changes
    assert client.get("/projets/", HTTP_HOST=host).status_code == 200


def test_archiving_twice_or_restoring_a_live_territory_is_refused():
    slug = make_territory().slug
    with pytest.raises(CommandError, match="n’est pas archivé"):
        call_command("archive_territory", slug, "--restore")
    call_command("archive_territory", slug)
    with pytest.raises(CommandError, match="déjà archivé"):
        call_command("archive_territory", slug)


def test_create_territory_command_reports_what_it_opened(capsys):
    call_command(
        "create_territory",
        "--name",
        "Département du Calvados",
        "--slug",
        "calvados",
        "--hostname",
        "calvados.localhost",
        "--port",
        "8000",
    )
    out = capsys.readouterr().out
    assert "Territoire « Département du Calvados » ouvert." in out
    assert "http://calvados.localhost:8000/" in out
    assert "Département du Calvados — Publication" in out


# --- An archived territory publishes nothing, whoever asks (issue 22) -----------------------


def news_form(page, **fields):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Les aidants déposent leur demande en ligne.",
            "date": page.date.isoformat(),
            "body": streamfield([]),
            "related_projects": inline_formset([]),
            **fields,
        }
    )


def public_state(page):
    # (A draft of a page that is not live is written into its row by Wagtail's page form:
    # the row's title is no public state.)
    page = Page.objects.get(pk=page.pk)
    return (page.live, page.live_revision_id, page.url_path)


def publications(page):
    return PageLogEntry.objects.filter(page=page, action__startswith="wagtail.publish").count()


@pytest.fixture
def archived():
    """An archived territory with a news item that was online when it was archived."""
    territory = make_territory()
    news = make_news(territory)
    call_command("archive_territory", territory.slug, stdout=StringIO())
    territory.refresh_from_db()
    return SimpleNamespace(territory=territory, news=NewsPage.objects.get(pk=news.pk))


@pytest.mark.parametrize("role", ["publisher", "superuser"])
def test_publishing_in_an_archived_territory_is_refused_and_changes_nothing(client, archived, role):
    news = archived.news
    user = (
        make_user(archived.territory, "publisher")
        if role == "publisher"
        else get_user_model().objects.create_superuser("root-archive", "r@example.org", "x")
    )
    client.force_login(user)
    before, logged = public_state(news), publications(news)
    url = f"/admin/pages/{news.pk}/edit/"

    response = client.post(url, news_form(news, title="Publié malgré l'archive", **PUBLISH))

    assert refused(response)
    assert public_state(news) == before
    assert publications(news) == logged
    # What was typed is kept, as a draft.
    assert Page.objects.get(pk=news.pk).draft_title == "Publié malgré l'archive"
    # The admin says why, and how to come back.
    dashboard = client.get("/admin/").content.decode()
    assert restore_command(archived.territory) in dashboard
    assert (
        client.get(news_path(archived), HTTP_HOST=archived.territory.site.hostname).status_code
        == 410
    )


PUBLISH = {"action-publish": "action-publish"}


def news_path(archived):
    return archived.news.url_path.removeprefix(archived.territory.home.url_path[:-1])


def test_every_other_publishing_path_is_refused_too(
    client, archived, django_capture_on_commit_callbacks
):
    news, territory = archived.news, archived.territory
    client.force_login(get_user_model().objects.create_superuser("root-paths", "p@e.org", "x"))
    before, logged = public_state(news), publications(news)
    later = timezone.now() + timedelta(days=2)

    attempts = {
        "bulk publish": client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={news.pk}", {"include_descendants": "on"}
        ),
        "admin API": client.post(
            f"/admin/api/main/pages/{news.pk}/action/publish/", {}, content_type="application/json"
        ),
        "schedule": client.post(
            f"/admin/pages/{news.pk}/edit/",
            news_form(news, go_live_at=admin_datetime(later), **PUBLISH),
        ),
    }

    assert refused(attempts["admin API"])
    assert refused(attempts["schedule"])
    assert public_state(news) == before
    assert publications(news) == logged
    assert not Revision.page_revisions.filter(
        object_id=str(news.pk), approved_go_live_at__isnull=False
    ).exists()
    # The operator's own calls are refused as well (the scheduler, a shell, a command).
    with pytest.raises(PermissionDenied):
        news.latest_revision.publish()
    # wagtail-localize's publication of a translation (after the commit, with no user).
    source, _created = TranslationSource.get_or_create_from_instance(news)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    with pytest.raises(PermissionDenied), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert not territory.pages().live().exists()


def test_scheduled_publications_wait_for_the_restore(archived_schedule):
    territory, news, moment = archived_schedule
    revision = news.latest_revision

    # Archiving suspended the schedule: the scheduler, past its time, publishes nothing
    # and does not stop on the archived page.
    with time_machine.travel(moment + timedelta(minutes=5)):
        call_command("publish_scheduled", stdout=StringIO())
    assert not Page.objects.get(pk=news.pk).live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None

    call_command("archive_territory", territory.slug, "--restore", stdout=StringIO())
    revision.refresh_from_db()
    assert revision.approved_go_live_at == moment
    with time_machine.travel(moment + timedelta(minutes=5)):
        call_command("publish_scheduled", stdout=StringIO())
    assert Page.objects.get(pk=news.pk).live_revision_id == revision.pk


@pytest.fixture
def archived_schedule():
    territory = make_territory()
    news = make_news(territory)
    moment = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    news.title = "Annonce programmée"
    news.go_live_at = moment
    news.save_revision().publish()
    call_command("archive_territory", territory.slug, stdout=StringIO())
    return territory, news, moment


def test_the_admin_shows_an_archived_territory_and_offers_no_publishing(client, archived):
    client.force_login(make_user(archived.territory, "publisher"))
    command = restore_command(archived.territory)

    edit = client.get(f"/admin/pages/{archived.news.pk}/edit/").content.decode()
    create = client.get(
        f"/admin/pages/add/projects/newspage/{archived.news.get_parent().pk}/"
    ).content.decode()

    for html in (edit, create):
        assert command in html
        assert 'name="action-publish"' not in html
    # Another territory's pages say nothing of it, and keep their publish button.
    other = make_territory()
    other_news = make_news(other)
    client.force_login(make_user(other, "publisher"))
    html = client.get(f"/admin/pages/{other_news.pk}/edit/").content.decode()
    assert "--restore" not in html
    assert 'name="action-publish"' in html


def test_restore_keeps_the_newest_content_and_the_real_publication_dates(client):
    territory = make_territory()
    with time_machine.travel(timezone.now() - timedelta(days=30)):
        news = make_news(territory)
    news.title = "Deuxième version publiée"
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        news.save_revision().publish()
    news = NewsPage.objects.get(pk=news.pk)
    first, last, live_revision = (
        news.first_published_at,
        news.last_published_at,
        news.live_revision_id,
    )
    call_command("archive_territory", territory.slug, stdout=StringIO())

    # Meanwhile an editor writes a draft in the admin and submits it to the publishers.
    news = NewsPage.objects.get(pk=news.pk)
    client.force_login(make_user(territory, "editor"))
    response = client.post(
        f"/admin/pages/{news.pk}/edit/",
        news_form(news, title="Brouillon écrit pendant l'archive", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    draft = NewsPage.objects.get(pk=news.pk).latest_revision
    assert draft.content["title"] == "Brouillon écrit pendant l'archive"
    other = make_news(make_territory())  # another territory's page, published before

    with time_machine.travel(timezone.now() + timedelta(days=1)):
        call_command("archive_territory", territory.slug, "--restore", stdout=StringIO())

    news = NewsPage.objects.get(pk=news.pk)
    assert news.live and news.live_revision_id == live_revision
    assert news.title == "Deuxième version publiée"
    assert (news.first_published_at, news.last_published_at) == (first, last)
    # The draft is still the newest revision, still in review.
    assert news.latest_revision_id == draft.pk and news.has_unpublished_changes
    assert news.current_workflow_state is not None
    assert news.current_workflow_state.status == "in_progress"
    assert Page.objects.get(pk=other.pk).live


def test_restore_never_brings_back_an_older_version_than_one_published_meanwhile():
    """Before archives refused publishing, a page could be published during one: the
    restore keeps that version (simulated here by writing it as Wagtail would have)."""
    territory = make_territory()
    news = make_news(territory)
    call_command("archive_territory", territory.slug, stdout=StringIO())
    news = NewsPage.objects.get(pk=news.pk)
    news.title = "Publiée pendant l'archive"
    newer = news.save_revision()
    published_at = timezone.now()
    NewsPage.objects.filter(pk=news.pk).update(
        live=True, live_revision=newer, title=news.title, last_published_at=published_at
    )

    call_command("archive_territory", territory.slug, "--restore", stdout=StringIO())

    news = NewsPage.objects.get(pk=news.pk)
    assert news.live and news.live_revision_id == newer.pk
    assert news.title == "Publiée pendant l'archive"
    assert news.last_published_at == published_at


def test_a_live_page_cannot_be_moved_into_an_archived_territory(client, archived):
    # A move writes only the page's place: not a publication, but public all the same.
    other = make_territory(name="Territoire voisin", slug="voisin")
    live = make_news(other, title="Toujours en ligne")
    superuser = get_user_model().objects.create_superuser("root-move", "m@example.org", "x")
    client.force_login(superuser)
    destination = archived.news.get_parent()
    before = Page.objects.get(pk=live.pk).path

    response = client.post(f"/admin/pages/{live.pk}/move/{destination.pk}/confirm/")

    assert refused(response)
    page = Page.objects.get(pk=live.pk)
    assert (page.path, page.live) == (before, True)
    assert not page.is_descendant_of(archived.territory.home)
    # Unpublished first, it may go there (a draft is not public).
    live.unpublish()
    client.post(f"/admin/pages/{live.pk}/move/{destination.pk}/confirm/")
    assert Page.objects.get(pk=live.pk).is_descendant_of(archived.territory.home)
