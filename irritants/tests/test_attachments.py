"""Up to three attachments per irritant: each checked, kept privately, downloaded by the
territory's reviewers only, erased with the irritant or its personal data."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from irritants.attachments import IRRITANTS_MAX_ATTACHMENTS
from irritants.models import Irritant, IrritantAttachment
from testing import irritant_data, make_territory, make_user, open_call, submit_irritant

from .helpers import docx_file, get, pdf_file, png_file, post

pytestmark = pytest.mark.django_db


def stored_files(settings):
    root = settings.IRRITANTS_PRIVATE_ROOT
    return {os.path.join(folder, name) for folder, _dirs, names in os.walk(root) for name in names}


def test_three_files_are_kept_each_on_its_own(client, call, settings):
    before = stored_files(settings)
    files = [pdf_file(), png_file(), docx_file()]
    response = post(client, call, {**irritant_data(), "attachments": files})
    assert response.status_code == 302
    irritant = Irritant.objects.get()
    attachments = list(irritant.attachments.all())
    assert [attachment.extension for attachment in attachments] == ["pdf", "png", "docx"]
    paths = {attachment.file.path for attachment in attachments}
    assert len(paths) == 3 and stored_files(settings) - before == paths
    for path in paths:
        assert path.startswith(str(settings.IRRITANTS_PRIVATE_ROOT))
        # A random name under the reference: not the agent's file name.
        assert f"/irritants/{irritant.reference}/" in path
        assert not os.path.basename(path).startswith(("constat", "capture", "note"))


def test_a_fourth_file_is_refused_and_nothing_is_stored(client, call, settings):
    before = stored_files(settings)
    files = [pdf_file(f"constat-{number}.pdf") for number in range(IRRITANTS_MAX_ATTACHMENTS + 1)]
    data = {**irritant_data(title="Un titre à garder"), "attachments": files}
    response = post(client, call, data)
    assert response.status_code == 400
    assert not Irritant.objects.exists() and not IrritantAttachment.objects.exists()
    assert stored_files(settings) == before
    assert response.context["form"].errors["attachments"]
    page = response.content.decode()
    assert "Un titre à garder" in page
    assert "4" in response.context["form"].errors["attachments"][0]


def test_one_bad_file_among_three_refuses_all_and_names_it(client, call, settings):
    before = stored_files(settings)
    files = [pdf_file(), SimpleUploadedFile("programme.exe", b"MZ\x90\x00"), png_file()]
    response = post(client, call, {**irritant_data(), "attachments": files})
    assert response.status_code == 400
    assert not Irritant.objects.exists() and stored_files(settings) == before
    errors = response.context["form"].errors["attachments"]
    assert len(errors) == 1 and "programme.exe" in errors[0]


def test_the_form_offers_one_multiple_file_input(client, call):
    page = get(client, call).content.decode()
    assert page.count('type="file"') == 1
    assert 'name="attachments"' in page and " multiple" in page


# The review ---------------------------------------------------------------------------


@pytest.fixture
def submitted(call):
    return submit_irritant(call, files=[pdf_file(), png_file()])


def test_the_panel_links_each_attachment(client, submitted, publisher):
    client.force_login(publisher)
    page = client.get(f"/admin/irritants/edit/{submitted.pk}/").content.decode()
    for attachment in submitted.attachments.all():
        assert f"/admin/irritants/attachment/{attachment.pk}/" in page


def test_each_attachment_downloads_under_the_reference(client, submitted, publisher):
    client.force_login(publisher)
    first, second = submitted.attachments.all()
    response = client.get(f"/admin/irritants/attachment/{second.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert f"{submitted.reference}-2.png" in response["Content-Disposition"]
    response = client.get(f"/admin/irritants/attachment/{first.pk}/")
    assert f"{submitted.reference}-1.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize("role", ["publisher", "administrator", "editor"])
def test_another_territorys_attachment_is_out_of_reach(client, submitted, role):
    other = make_territory()
    own_irritant = submit_irritant(open_call(other), files=[pdf_file()])
    client.force_login(make_user(other, role))
    for attachment in submitted.attachments.all():
        response = client.get(f"/admin/irritants/attachment/{attachment.pk}/")
        assert response.status_code in (302, 403, 404)
        assert not getattr(response, "streaming", False)
    if role == "publisher":  # the reviewers of the other territory get their own
        own = own_irritant.attachments.get()
        assert client.get(f"/admin/irritants/attachment/{own.pk}/").status_code == 200


def test_deleting_an_irritant_deletes_its_files(
    client, submitted, publisher, django_capture_on_commit_callbacks
):
    paths = [attachment.file.path for attachment in submitted.attachments.all()]
    assert all(os.path.exists(path) for path in paths)
    client.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/irritants/delete/{submitted.pk}/")
    assert response.status_code == 302
    assert not IrritantAttachment.objects.filter(irritant_id=submitted.pk).exists()
    assert not any(os.path.exists(path) for path in paths)


def test_the_purge_erases_every_file(submitted):
    paths = [attachment.file.path for attachment in submitted.attachments.all()]
    Irritant.objects.filter(pk=submitted.pk).update(
        submitted_at=submitted.submitted_at.replace(year=submitted.submitted_at.year - 3)
    )
    call_command("purge_irritants", stdout=io.StringIO())
    submitted.refresh_from_db()
    assert submitted.is_anonymised
    assert not submitted.attachments.exists()
    assert not any(os.path.exists(path) for path in paths)
