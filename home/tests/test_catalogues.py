"""The English catalogue is generated from the msgids (home/catalogues.py)."""

import shutil

import polib

from home.catalogues import fill_source_catalogue, source_catalogue, source_mismatches


def test_every_english_entry_is_its_own_msgid():
    assert source_mismatches() == []


def test_filling_repairs_a_shifted_entry_and_plural_forms(tmp_path):
    copy = tmp_path / "django.po"
    shutil.copy(source_catalogue(), copy)
    catalogue = polib.pofile(str(copy))
    single = next(entry for entry in catalogue if entry.msgid and not entry.msgid_plural)
    plural = next(entry for entry in catalogue if entry.msgid_plural)
    single.msgstr = "Since %(start)s"  # a neighbour's translation, as once shipped
    plural.msgstr_plural = {0: "", 1: "wrong"}
    catalogue.save()
    assert set(source_mismatches(copy)) == {single.msgid, plural.msgid}

    assert fill_source_catalogue(copy) == 2

    assert source_mismatches(copy) == []
    repaired = polib.pofile(str(copy))
    assert repaired.find(single.msgid).msgstr == single.msgid
    assert repaired.find(plural.msgid).msgstr_plural == {0: plural.msgid, 1: plural.msgid_plural}
