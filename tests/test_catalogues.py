"""The translation catalogues are complete and match the code (what `make check-messages`
enforces in CI)."""

import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from irritants.tests.helpers import CALL_URL, HOST, open_call


def test_the_catalogues_are_up_to_date_complete_and_compiled():
    call_command("check_messages")


def test_an_untranslated_or_fuzzy_message_fails_the_check(settings, tmp_path):
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    po = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    text = po.read_text()
    text = text.replace('msgstr "Aller au contenu"', 'msgstr ""', 1)
    # A long message is written over several lines: it is checked too.
    long_msgid = "Nothing was recorded: a request to the administration may weigh %(limit)s at "
    start = text.index(f'"{long_msgid}"\n"most."\nmsgstr "')
    end = text.index("\n\n", start)
    text = text[:start] + f'"{long_msgid}"\n"most."\nmsgstr ""' + text[end:]
    po.write_text(text.replace('\nmsgid "Search"\n', '\n#, fuzzy\nmsgid "Search"\n', 1))

    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("check_messages", skip_makemessages=True)

    assert "untranslated 'Skip to content'" in str(error.value)
    assert f"untranslated '{long_msgid}most.'" in str(error.value)
    assert "fuzzy 'Search'" in str(error.value)
    assert "django.mo does not match django.po" in str(error.value)


def test_a_message_missing_from_the_catalogues_fails_the_check(settings):
    probe = Path(settings.BASE_DIR) / "home" / "catalogue_probe.py"
    probe.write_text(
        "from django.utils.translation import gettext as _\n\n"
        'MESSAGE = _("A message that no catalogue holds yet")\n'
    )
    try:
        with pytest.raises(CommandError) as error, translation.override("en"):
            call_command("check_messages")
    finally:
        probe.unlink()

    assert "fr/LC_MESSAGES/django.po: out of date" in str(error.value)
    # The catalogues were left as they were.
    call_command("check_messages")


def test_an_english_entry_that_says_something_else_fails_the_check(settings, tmp_path):
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    po = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    # A neighbour's translation, as once shipped: « Compliance status » read « Since … ».
    po.write_text(
        po.read_text().replace(
            'msgid "Compliance status"\nmsgstr "Compliance status"',
            'msgid "Compliance status"\nmsgstr "Since %(start)s"',
        )
    )

    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("check_messages", skip_makemessages=True)

    assert "the entry of 'Compliance status' must repeat it" in str(error.value)


# What the English pages show: each msgid as it is written (home/catalogues.py).
ENGLISH_STATEMENT_HEADINGS = [
    "Compliance status",
    "Test results",
    "Content that is not accessible",
    "Exemptions",
    "How this statement was made",
    "Feedback and contact",
    "Remedies",
]


@pytest.mark.django_db
def test_the_english_accessibility_statement_shows_its_own_headings(client):
    for host in ("pau.localhost", "var.localhost"):
        response = client.get("/en/accessibilite/", HTTP_HOST=host)
        assert response.status_code == 200
        html = response.content.decode()
        assert re.findall(r"<h[23]>(.*?)</h[23]>", html) == ENGLISH_STATEMENT_HEADINGS


@pytest.mark.django_db
def test_the_english_call_page_submit_button_says_send(client):
    open_call()
    response = client.get(f"/en{CALL_URL}", HTTP_HOST=HOST)
    assert response.status_code == 200
    buttons = re.findall(r'<button type="submit"[^>]*>(.*?)</button>', response.content.decode())
    assert buttons == ["Search", "Send my irritant"]
