"""Fail when the translation catalogues are stale or incomplete: run by `make test` and CI.

Stale: `makemessages` would change a catalogue (its creation date and the "#:" source
locations aside, which move whenever code above a string does), or a compiled catalogue
does not match its source. Incomplete: a message is untranslated or fuzzy in any
language. Wrong: an English entry that is not its own msgid (home/catalogues.py).
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.catalogues import source_catalogue, source_mismatches

# What `makemessages` rewrites without any message changing.
VOLATILE_LINES = re.compile(r'^("POT-Creation-Date: .*\\n"|#: .*)\n', re.MULTILINE)


def catalogues(locale_dir):
    return sorted(Path(locale_dir).glob("*/LC_MESSAGES/django.po"))


def messages_only(text):
    return VOLATILE_LINES.sub("", text)


def gettext_tool(*arguments):
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(
            _("%(tool)s failed: %(error)s") % {"tool": arguments[0], "error": result.stderr.strip()}
        )
    return result.stdout


def message_ids(po_text):
    """Every msgid, long ones (written over several lines) included."""
    return [
        "".join(re.findall(r'"(.*)"', block))
        for block in re.findall(r'^msgid ((?:".*"\n?)+)', po_text, re.MULTILINE)
    ]


def stale_catalogues(locale_dir):
    """The catalogues `makemessages` would rewrite; the files are left as they were."""
    paths = catalogues(locale_dir)
    before = {path: path.read_text() for path in paths}
    try:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "--all", "--no-obsolete"]
            + ["--ignore=.venv", "--ignore=var", "--verbosity=0"],
            cwd=settings.BASE_DIR,
            check=True,
        )
        return [
            path for path in paths if messages_only(path.read_text()) != messages_only(before[path])
        ]
    finally:
        for path, text in before.items():
            path.write_text(text)


def incomplete_messages(path):
    """(kind, msgid) of the untranslated and fuzzy messages of one catalogue."""
    problems = []
    for kind, option in ((_("untranslated"), "--untranslated"), (_("fuzzy"), "--only-fuzzy")):
        selected = gettext_tool("msgattrib", option, "--no-obsolete", str(path))
        problems += [(kind, msgid) for msgid in message_ids(selected) if msgid]
    return problems


def compiled_matches(path):
    """Whether the committed .mo holds exactly the messages of its .po."""
    mo = path.with_suffix(".mo")
    if not mo.exists():
        return False
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "django.mo"
        gettext_tool("msgfmt", "--check-format", "-o", str(fresh), str(path))
        return gettext_tool("msgunfmt", str(fresh)) == gettext_tool("msgunfmt", str(mo))


class Command(BaseCommand):
    help = gettext_lazy(
        "Check that the translation catalogues are up to date, complete and compiled."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-makemessages",
            action="store_true",
            help=gettext_lazy(
                "Only check completeness and compilation (does not run makemessages)."
            ),
        )

    def handle(self, *args, skip_makemessages=False, **options):
        locale_dir = settings.LOCALE_PATHS[0]
        errors = []
        if not skip_makemessages:
            errors += [
                _("%(path)s: out of date, run `make messages`.") % {"path": path}
                for path in stale_catalogues(locale_dir)
            ]
        for path in catalogues(locale_dir):
            errors += [f"{path}: {kind} {msgid!r}" for kind, msgid in incomplete_messages(path)]
            if not compiled_matches(path):
                errors.append(
                    _("%(mo)s does not match %(po)s: run `make messages`.")
                    % {"mo": path.with_suffix(".mo"), "po": path.name}
                )
        errors += [
            _("%(path)s: the entry of %(msgid)r must repeat it (run `make messages`).")
            % {"path": source_catalogue(), "msgid": msgid}
            for msgid in source_mismatches()
        ]
        if errors:
            raise CommandError("\n".join(errors))
        self.stdout.write(_("The translation catalogues are up to date and complete."))
