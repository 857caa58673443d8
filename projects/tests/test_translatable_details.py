"""What a translator translates with wagtail-localize: a project's phase notes, decision
reasons and team roles with its page, the network's themes and user types on their own, and
English pages and the English open data show what was translated."""

from datetime import date

import pytest
from django.forms.models import apply_limit_choices_to_to_formfield
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from projects.models import ProjectDecision, ProjectPhase, ProjectTeamMember, Theme, UserType
from testing import make_project, make_territory

pytestmark = pytest.mark.django_db

PHASE_NOTE = "Trois services ont participé aux entretiens."
REASON = "Les familles utilisent le service chaque semaine."
ROLE = "Développeuse"
PERSON = "Dominique Martin"
ENGLISH = {
    "Cantine scolaire témoin": "School canteens",
    "Familles témoins": "Test families",
    PHASE_NOTE: "Three services took part in the interviews.",
    REASON: "Families use the service every week.",
    ROLE: "Developer",
}


def translate(instance, english_for, locale):
    """Translate ``instance`` as an outside translator does: download its PO file, fill it
    in, upload it; returns the msgids the file held."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    msgids = [entry.msgid for entry in po]
    for entry in po:
        entry.msgstr = english_for.get(entry.msgid, entry.msgid)
    translation.import_po(po, tool_name="test")
    translation.save_target(publish=True)
    return msgids


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def project():
    theme = Theme.objects.create(name="Cantine scolaire témoin", slug="cantine-scolaire-essai")
    families = UserType.objects.create(name="Familles témoins", slug="familles-d-essai")
    return make_project(
        make_territory(),
        "Carte de cantine en ligne",
        slug="carte-de-cantine",
        phases=[
            ProjectPhase(phase="investigation", start_date=date(2020, 1, 6), comment=PHASE_NOTE)
        ],
        decisions=[
            ProjectDecision(
                date=date(2020, 3, 6), evaluation="committee", decision="continue", reason=REASON
            )
        ],
        team_members=[ProjectTeamMember(name=PERSON, role_kind="other", role=ROLE)],
        themes=[theme],
        user_types=[families],
    )


def test_the_translators_file_holds_the_phase_notes_reasons_and_roles_not_names(project, english):
    msgids = translate(project, ENGLISH, english)

    assert {PHASE_NOTE, REASON, ROLE} <= set(msgids)
    assert PERSON not in msgids


def test_the_english_page_shows_the_translated_details_and_the_french_page_keeps_its_own(
    client, project, english
):
    translate(project, ENGLISH, english)
    translate(Theme.objects.get(slug="cantine-scolaire-essai"), ENGLISH, english)
    translated = project.get_translation(english)

    html = client.get(translated.url, HTTP_HOST=project.get_site().hostname).content.decode()
    french = client.get(project.url, HTTP_HOST=project.get_site().hostname).content.decode()

    for text in (PHASE_NOTE, REASON, ROLE):
        assert ENGLISH[text] in html and text not in html
        assert text in french and ENGLISH[text] not in french
    assert PERSON in html
    assert "School canteens" in html and "Cantine scolaire témoin" in french
    # The user type has no translation yet: its French name rather than nothing.
    assert "Familles témoins" in html


def test_a_theme_is_translated_on_its_own_and_the_english_open_data_names_it_in_english(
    client, project, english
):
    translate(project, ENGLISH, english)
    msgids = translate(Theme.objects.get(slug="cantine-scolaire-essai"), ENGLISH, english)
    host = project.get_site().hostname

    assert msgids == ["Cantine scolaire témoin"]  # the slug stays the same in every language
    [record] = client.get("/en/api/projects.json", HTTP_HOST=host).json()["data"]
    assert record["themes"] == [{"id": "cantine-scolaire-essai", "name": "School canteens"}]
    [record] = client.get("/api/projects.json", HTTP_HOST=host).json()["data"]
    assert record["themes"] == [{"id": "cantine-scolaire-essai", "name": "Cantine scolaire témoin"}]


def test_the_catalogue_offers_each_theme_once_in_the_pages_language(client, project, english):
    translate(Theme.objects.get(slug="cantine-scolaire-essai"), ENGLISH, english)

    english_page = client.get("/en/catalogue/?theme=cantine-scolaire-essai", HTTP_HOST="localhost")
    french_page = client.get("/catalogue/?theme=cantine-scolaire-essai", HTTP_HOST="localhost")

    assert english_page.status_code == french_page.status_code == 200
    english_html, french_html = english_page.content.decode(), french_page.content.decode()
    assert english_html.count('value="cantine-scolaire-essai"') == 1
    assert "School canteens" in english_html and "Cantine scolaire témoin" not in english_html
    assert french_html.count('value="cantine-scolaire-essai"') == 1
    assert "Cantine scolaire témoin" in french_html and "School canteens" not in french_html
    # Filtering by the theme still finds the project, in both languages.
    assert "Carte de cantine en ligne" in french_html


def test_a_project_is_filed_only_under_the_default_languages_terms(project, english):
    translate(Theme.objects.get(slug="cantine-scolaire-essai"), ENGLISH, english)

    rows = Theme.objects.filter(slug="cantine-scolaire-essai")
    assert rows.count() == 2
    assert list(rows.vocabulary()) == [project.themes.get()]
    # What the page editor's field offers (a model form applies ``limit_choices_to``).
    field = type(project)._meta.get_field("themes").formfield()
    apply_limit_choices_to_to_formfield(field)
    assert [theme for theme in field.queryset if theme.slug == "cantine-scolaire-essai"] == [
        project.themes.get()
    ]
