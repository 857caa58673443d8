"""The review in the admin, over HTTP with real territory accounts."""

import csv
import io
import os

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command

from irritants.models import Irritant, Status
from projects.models import ProjectPage
from testing import irritant_data, make_territory, make_user, submit_irritant

from .helpers import get, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(call):
    """One irritant submitted to the territory's open call, with an attachment."""
    irritant = submit_irritant(call, files=[pdf_file()], title='=HYPERLIEN("x")')
    mail.outbox.clear()
    return irritant


def review(client, irritant, **fields):
    data = {
        "status": irritant.status,
        "duplicate_of": "",
        "recurrence_score": "",
        "consequences_score": "",
        "people_score": "",
        "internal_notes": "",
        "public_answer": "",
        **fields,
    }
    return client.post(f"/admin/irritants/edit/{irritant.pk}/", data)


def test_publishers_of_the_territory_list_it_and_others_do_not(client, submitted, publisher):
    other_publisher = make_user(make_territory(), "publisher")
    editor = make_user(submitted.territory, "editor")

    client.force_login(publisher)
    listing = client.get("/admin/irritants/")
    assert listing.status_code == 200
    assert submitted.reference in listing.content.decode()
    # The sidebar menu is sent as JSON: its item's address, quoted, not an href.
    assert '"/admin/irritants/"' in client.get("/admin/").content.decode()

    client.force_login(other_publisher)
    assert submitted.reference not in client.get("/admin/irritants/").content.decode()
    assert client.get(f"/admin/irritants/edit/{submitted.pk}/").status_code == 404

    client.force_login(editor)
    assert client.get("/admin/irritants/").status_code in (302, 403)
    assert '"/admin/irritants/"' not in client.get("/admin/").content.decode()


def test_no_one_adds_an_irritant_in_the_admin(client, publisher, admin_client):
    client.force_login(publisher)
    assert client.get("/admin/irritants/new/").status_code in (302, 403)
    assert admin_client.get("/admin/irritants/new/").status_code in (302, 403)


def test_the_review_follows_the_statuses_and_records_who_and_when(client, submitted, publisher):
    client.force_login(publisher)
    page = client.get(f"/admin/irritants/edit/{submitted.pk}/").content.decode()
    attachment_url = f"/admin/irritants/attachment/{submitted.attachments.get().pk}/"
    assert "Camille Martin" in page and attachment_url in page

    # Received cannot jump to selected: the choice is not even offered.
    assert 'value="selected"' not in page
    response = review(client, submitted, status=Status.SELECTED)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == Status.RECEIVED

    assert review(client, submitted, status=Status.UNDER_REVIEW).status_code == 302
    submitted.refresh_from_db()
    response = review(
        client,
        submitted,
        status=Status.SELECTED,
        recurrence_score="3",
        consequences_score="2",
        people_score="2",
        internal_notes="Vu avec la DSI",
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Status.SELECTED
    assert submitted.score == 7
    history = list(submitted.history.values_list("from_status", "to_status", "changed_by"))
    assert history == [
        ("", Status.RECEIVED, None),
        (Status.RECEIVED, Status.UNDER_REVIEW, publisher.pk),
        (Status.UNDER_REVIEW, Status.SELECTED, publisher.pk),
    ]
    page = client.get(f"/admin/irritants/edit/{submitted.pk}/").content.decode()
    assert "Reçu → En étude" in page and publisher.username in page


def test_a_duplicate_names_another_irritant_of_the_same_territory(client, submitted, publisher):
    client.force_login(publisher)
    response = review(client, submitted, status=Status.DUPLICATE)
    assert "Choisissez l’irritant dont celui-ci est le doublon." in response.content.decode()
    other = Irritant.objects.create(
        territory=submitted.territory,
        call=submitted.call,
        consent_at=submitted.consent_at,
        **{
            k: v
            for k, v in irritant_data(title="Premier").items()
            if k not in ("consent", "website")
        },
    )
    assert (
        review(client, submitted, status=Status.DUPLICATE, duplicate_of=other.pk).status_code == 302
    )
    submitted.refresh_from_db()
    assert submitted.duplicate_of == other


def test_the_answer_is_emailed_once(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, public_answer="Merci, nous l’étudions en janvier.")
    with django_capture_on_commit_callbacks(execute=True):
        review(client, submitted, public_answer="Merci, nous l’étudions en janvier.")
    (answer,) = mail.outbox
    assert answer.to == [submitted.submitter_email]
    assert "nous l’étudions en janvier" in answer.body
    submitted.refresh_from_db()
    assert submitted.answered_at is not None


def test_exports_hold_the_territory_only_and_no_formula(client, submitted, publisher):
    client.force_login(publisher)
    response = client.get("/admin/irritants/?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[0][:2] == ["Référence", "Reçu le"]
    assert len(rows) == 2 and rows[1][0] == submitted.reference
    assert rows[1][3] == '\'=HYPERLIEN("x")'  # a spreadsheet will not run it

    response = client.get("/admin/irritants/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2 and values[1][0] == submitted.reference


def test_filters_and_search(client, submitted, publisher):
    client.force_login(publisher)
    assert submitted.reference in client.get("/admin/irritants/?status=received").content.decode()
    assert (
        submitted.reference not in client.get("/admin/irritants/?status=selected").content.decode()
    )
    assert (
        submitted.reference
        in client.get("/admin/irritants/?service=" + submitted.service).content.decode()
    )
    assert submitted.reference in client.get("/admin/irritants/?q=cantine").content.decode()
    assert submitted.reference not in client.get("/admin/irritants/?q=voirie").content.decode()


def test_the_attachment_is_for_the_reviewers_only(client, submitted, publisher):
    client.force_login(publisher)
    url = f"/admin/irritants/attachment/{submitted.attachments.get().pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert submitted.reference in response["Content-Disposition"]
    client.logout()
    assert client.get(url).status_code == 302


def test_create_a_project_linked_both_ways(client, submitted, publisher):
    client.force_login(publisher)
    url = f"/admin/irritants/create-project/{submitted.pk}/"
    assert "Créer le projet en brouillon" in client.get(url).content.decode()
    response = client.post(url)
    project = ProjectPage.objects.get(title=submitted.title, alias_of=None)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{project.pk}/edit/"
    assert not project.live
    assert project.get_parent().specific_class.__name__ == "ProjectIndexPage"
    assert project.get_parent().is_descendant_of(submitted.territory.home)
    assert "des centaines de familles" in project.problem
    submitted.refresh_from_db()
    assert submitted.project.pk == project.pk
    assert list(project.irritants.all()) == [submitted]
    # The English tree follows, as for a page created in the admin.
    assert project.get_translations().filter(alias_of=project).count() == 1
    # Only one project per irritant.
    client.post(url)
    assert ProjectPage.objects.filter(title=submitted.title, alias_of=None).count() == 1

    # Once published, the project page names where it comes from, and nobody.
    project.save_revision().publish()
    html = get(client, project).content.decode()
    assert "Né d’un irritant signalé par un agent du service « Éducation" in html
    assert "Camille" not in html


def test_the_call_page_publishes_figures_without_personal_data(client, submitted, publisher):
    call = submitted.call
    submitted.status = Status.SELECTED
    submitted.save()
    html = get(client, call).content.decode()
    assert "Ce que sont devenus les irritants" not in html

    call.publish_results = True
    call.save_revision().publish()
    html = get(client, call).content.decode()
    assert "Ce que sont devenus les irritants" in html
    assert "1 irritant reçu, par statut" in html
    assert submitted.title.replace('"', "&quot;") in html
    main = html.split("<main")[1].split("</main>")[0]
    for personal in ("Camille", "camille.martin", "Direction de l"):
        assert personal not in main


def test_purge_erases_personal_data_past_the_retention_period(submitted, settings):
    Irritant.objects.filter(pk=submitted.pk).update(
        submitted_at=submitted.submitted_at.replace(year=submitted.submitted_at.year - 3)
    )
    path = submitted.attachments.get().file.path
    out = io.StringIO()
    call_command("purge_irritants", stdout=out)
    assert (
        f"{submitted.territory.slug}: 1" in out.getvalue()
        and "1 irritant(s) anonymised." in out.getvalue()
    )
    submitted.refresh_from_db()
    assert submitted.is_anonymised
    assert (submitted.submitter_name, submitted.submitter_email) == ("", "")
    assert not submitted.attachments.exists()
    assert not os.path.exists(path)
    assert submitted.problem  # the problem itself stays for the record

    out = io.StringIO()
    call_command("purge_irritants", stdout=out)
    assert "0 irritant(s) anonymised." in out.getvalue()


def test_purge_keeps_what_is_within_the_retention_period(submitted):
    call_command("purge_irritants", stdout=io.StringIO())
    submitted.refresh_from_db()
    assert not submitted.is_anonymised and submitted.submitter_name == "Camille Martin"


def test_the_duplicate_choices_are_the_territorys_own(client, submitted, publisher):
    other_irritant = Irritant.objects.create(
        territory=make_territory(),
        consent_at=submitted.consent_at,
        **{
            key: value
            for key, value in irritant_data(title="Irritant varois").items()
            if key not in ("consent", "website")
        },
    )
    client.force_login(publisher)
    page = client.get(f"/admin/irritants/edit/{submitted.pk}/").content.decode()
    assert "Irritant varois" not in page
    response = review(client, submitted, status=Status.DUPLICATE, duplicate_of=other_irritant.pk)
    assert response.status_code == 200  # refused: not a choice
    submitted.refresh_from_db()
    assert submitted.status == Status.RECEIVED


def test_deleting_an_irritant_removes_its_file_and_reopens_its_duplicates(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    duplicate = Irritant.objects.create(
        territory=submitted.territory,
        call=submitted.call,
        consent_at=submitted.consent_at,
        status=Status.DUPLICATE,
        duplicate_of=submitted,
        **{
            key: value
            for key, value in irritant_data(title="Le même").items()
            if key not in ("consent", "website")
        },
    )
    path = submitted.attachments.get().file.path
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/irritants/delete/{submitted.pk}/")
    assert response.status_code == 302
    assert not Irritant.objects.filter(pk=submitted.pk).exists()
    assert not os.path.exists(path)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.UNDER_REVIEW and duplicate.duplicate_of is None


def test_the_site_history_shows_only_the_territorys_irritants(client, submitted, publisher):
    client.force_login(publisher)
    review(client, submitted, status=Status.UNDER_REVIEW)
    assert submitted.reference in client.get("/admin/reports/site-history/").content.decode()
    client.force_login(make_user(make_territory(), "publisher"))
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/?export=csv"):
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode("utf-8-sig")
        assert submitted.reference not in body and publisher.username not in body


def test_a_group_without_the_permission_gets_nothing(client, submitted, publisher):
    submitted.territory.publishers.permissions.remove(
        *Permission.objects.filter(content_type__app_label="irritants")
    )
    client.force_login(publisher)
    for response in (
        client.get(f"/admin/irritants/attachment/{submitted.attachments.get().pk}/"),
        client.post(f"/admin/irritants/create-project/{submitted.pk}/"),
    ):
        # Wagtail turns a refusal into a redirect to the dashboard, with a message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ProjectPage.objects.filter(title=submitted.title).exists()


def test_the_xlsx_export_survives_old_control_characters(client, submitted, publisher):
    Irritant.objects.filter(pk=submitted.pk).update(problem="Avant\x01après")
    client.force_login(publisher)
    response = client.get("/admin/irritants/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "Avantaprès" in rows[1]
    assert rows[1][3] == '=HYPERLIEN("x")'  # a text cell: not run, not prefixed


def test_projects_in_every_language_name_their_irritant(client, submitted, publisher):
    from wagtail.models import Locale
    from wagtail_localize.operations import translate_object

    client.force_login(publisher)
    client.post(f"/admin/irritants/create-project/{submitted.pk}/")
    project = ProjectPage.objects.get(title=submitted.title, alias_of=None)
    project.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translate_object(project, [english])
    translation = project.get_translation(english)
    translation.save_revision().publish()
    html = get(client, translation).content.decode()
    assert "Born from an irritant" in html
