"""The English catalogue is generated: interface strings are written in English (the msgids),
so an English page shows each msgid as it is. Only the French catalogue is translated by hand.

`make messages` fills it (``fill_source_catalogue``) and `make check-messages` refuses an
English entry that says something else than its msgid (``source_mismatches``): an English
translation shifted from a neighbouring entry once showed « Since %(start)s » as a heading.
"""

from pathlib import Path

import polib
from django.conf import settings

# The language the msgids are written in.
SOURCE_LANGUAGE = "en"


def source_catalogue():
    return Path(settings.LOCALE_PATHS[0]) / SOURCE_LANGUAGE / "LC_MESSAGES" / "django.po"


def as_written(entry):
    """The entry's msgstr (or plural forms) as the msgid writes it."""
    if entry.msgid_plural:
        return {0: entry.msgid, 1: entry.msgid_plural}
    return entry.msgid


def written(entry):
    return dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr


def fill_source_catalogue(path=None):
    """Make every entry of the English catalogue its own msgid; how many changed."""
    catalogue = polib.pofile(str(path or source_catalogue()), wrapwidth=79)
    changed = 0
    for entry in catalogue:
        if entry.obsolete or entry.msgid == "":
            continue
        if written(entry) != as_written(entry) or entry.fuzzy:
            if entry.msgid_plural:
                entry.msgstr_plural = as_written(entry)
            else:
                entry.msgstr = entry.msgid
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = None
            changed += 1
    if changed:
        catalogue.save()
    return changed


def source_mismatches(path=None):
    """The msgids whose English entry says something else."""
    catalogue = polib.pofile(str(path or source_catalogue()))
    return [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and entry.msgid and written(entry) != as_written(entry)
    ]
