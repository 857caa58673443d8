"""The translation catalogues are complete and match the code (what `make check-messages`
enforces in CI)."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation


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
