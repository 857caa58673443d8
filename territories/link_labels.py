"""The identity's link texts in another language, as an editor types them on the identity
screen: one link per line, its text in the default language, « = », then its translation.

Keyed by the default-language text rather than by position, so that adding, removing or
reordering a link never gives another link's translation to it.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATOR = "="


def _lines(text):
    for number, line in enumerate((text or "").splitlines(), start=1):
        if line.strip():
            yield number, line


def parse_link_labels(text):
    """{text in the default language: its translation} of what an editor typed."""
    labels = {}
    for _number, line in _lines(text):
        source, _separator, translation = line.partition(SEPARATOR)
        if source.strip() and translation.strip():
            labels[source.strip()] = translation.strip()
    return labels


def validate_link_labels(text):
    """Each line names a link and gives its translation; the first faulty line is quoted."""
    for number, line in _lines(text):
        source, separator, translation = line.partition(SEPARATOR)
        if not (separator and source.strip() and translation.strip()):
            raise ValidationError(
                _(
                    "Line %(number)s: write the link's French text, “=”, then its "
                    "translation, for example “Qui sommes-nous ? = About us” (here: "
                    "“%(line)s”)."
                ),
                code="link_labels",
                params={"number": number, "line": line.strip()},
            )


def label_in(labels, label):
    """``label`` in the other language when its translation is given, else as it is."""
    return labels.get((label or "").strip(), label)
