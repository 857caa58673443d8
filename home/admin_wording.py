"""Wagtail's and wagtail-localize's messages this project words otherwise in French.

Their French catalogues call a language (a Wagtail "locale") a « région », while a Région is
a kind of territory here, and leave some messages in English. The project's catalogue
(locale/, first in LOCALE_PATHS) wins over theirs for the same msgid, but `make messages`
(``makemessages --no-obsolete``) keeps only the msgids it finds in our source: this module
declares them, exactly as Wagtail writes them, so that they stay in the catalogue with our
French. Nothing imports it; tests/test_french_admin.py checks that each msgid still exists in
an installed catalogue (a Wagtail upgrade may reword one).

What the catalogue cannot fix is done elsewhere, each with its reason: the link chooser's
labels (home/templates/wagtailadmin/chooser/), the dates of wagtail-localize's editor
(home/templatetags/translation_editor.py), the heading its React bundle writes in English
(« français to English translation », replaced by home/static/home/translation-editor-heading.js
with the one its template translates), the scripts' messages (the JavaScript catalogue
locale/fr/LC_MESSAGES/djangojs.po). « Root », the name of the tree's root page and
collection, is data written by Wagtail's first migrations: no msgid names it.
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = (
    # A language, never a « région ».
    gettext_noop("locale"),
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Locales"),
    gettext_noop("{} locales"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("Wagtail locales"),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language or "
        "delete this locale."
    ),
    gettext_noop("This locale cannot be synced into itself."),
    gettext_noop("Synchronise content from another locale"),
    gettext_noop(
        "Choose a locale to synchronise content from. Any existing and future content authored "
        "in the selected locale will be automatically copied to this one."
    ),
)
