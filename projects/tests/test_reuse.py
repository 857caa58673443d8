"""“Reuse in my territory”: a draft copy, into one's own territory only, no personal data."""

from datetime import date

import pytest
from django.utils.html import escape
from wagtail.models import Locale

from projects.models import (
    ProjectDecision,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    ProjectTeamMember,
    Theme,
)
from projects.services import COPIED, NOT_COPIED
from territories.models import Territory
from territories.naming import of_name, with_article
from territories.services import section_of
from testing import indicators, make_project, make_territory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def territory():
    """The editor's territory."""
    return make_territory()


@pytest.fixture
def editor(territory):
    return make_user(territory, "editor")


@pytest.fixture
def index(territory):
    return section_of(territory.home, ProjectIndexPage)


@pytest.fixture
def original():
    """A project another territory offers, with what it may and may not give away."""
    theme = Theme.objects.create(name="Action sociale", slug="action-sociale-reuse")
    return make_project(
        make_territory(name="Département de la Creuse"),
        "Rappels de rendez-vous",
        shareable=True,
        intro="Dans la Creuse, 4 000 rendez-vous manqués par an.",
        body=[("paragraph", "<p>Chez nous, 12 000 rappels envoyés en 2024.</p>")],
        sponsor_service="Direction de l’autonomie",
        statistics_url="https://rappels.example/stats",
        themes=[theme],
        phases=[ProjectPhase(phase="operated", start_date=date(2020, 1, 6))],
        decisions=[
            ProjectDecision(
                date=date(2020, 1, 3), decision="continue", reason="Les usagers viennent."
            )
        ],
        team_members=[ProjectTeamMember(name=f"Membre {n}") for n in range(3)],
        indicators=indicators({"name": "Rendez-vous manqués"}, {"name": "Rappels envoyés"}),
        budget=40000,
        service_url="https://rappels.example/",
        source_code_url="https://code.example/rappels",
    )


def url(project, into=None):
    return f"/admin/reuse-project/{project.pk}/" + (f"?into={into.pk}" if into else "")


def test_reusing_creates_a_draft_in_the_users_territory_without_personal_data(
    client, territory, editor, index, original
):
    client.force_login(editor)
    other = section_of(Territory.of_page(original).home, ProjectIndexPage)

    form = client.get(url(original))
    assert form.status_code == 200
    html = form.content.decode()
    assert f'value="{index.pk}"' in html and territory.name in html
    assert f'value="{other.pk}"' not in html
    # Not into the English tree, which follows the French one.
    english_index = index.get_translation(Locale.objects.get(language_code="en"))
    assert f'value="{english_index.pk}"' not in html

    response = client.post(url(original), {"into": index.pk})

    copy = ProjectPage.objects.child_of(index).get(slug=original.slug)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert not copy.live and copy.has_unpublished_changes and copy.owner == editor
    assert copy.reused_from == original and copy.locale == index.locale
    assert copy.get_translations().filter(alias_of=copy).count() == 1  # its English alias
    assert (copy.title, copy.pitch) == (original.title, original.pitch)
    # The problem, credited: its figures are the original territory's.
    assert copy.problem.endswith(original.problem)
    assert with_article("Département de la Creuse", "fr") in copy.problem
    assert copy.source_code_url == original.source_code_url
    assert set(copy.themes.all()) == set(original.themes.all())
    # Nothing that belongs to the original territory: people, history, figures, addresses.
    assert not copy.team_members.exists() and not copy.phases.exists()
    assert not copy.decisions.exists() and copy.budget is None and not copy.service_url
    indicators = copy.impact_indicators()
    assert [i.name for i in indicators] == [i.name for i in original.impact_indicators()]
    assert all(not i.measurements and i.baseline is None for i in indicators)
    # The original is untouched and still credited from the copy's preview.
    original.refresh_from_db()
    assert original.live and original.team_members.count() == 3
    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    # The credit names the territory, with its article in French.
    assert of_name("Département de la Creuse", "fr") in preview
    assert f'href="{original.full_url}"' in preview


def test_a_second_copy_gets_a_free_slug(client, editor, index, original):
    client.force_login(editor)
    for _ in range(2):
        client.post(url(original), {"into": index.pk, "again": "1"})
    slugs = set(ProjectPage.objects.child_of(index).values_list("slug", flat=True))
    assert {original.slug, f"{original.slug}-2"} <= slugs


def test_reusing_into_another_territory_is_refused(client, editor, original):
    elsewhere = section_of(make_territory().home, ProjectIndexPage)
    client.force_login(editor)

    assert client.get(url(original, into=elsewhere)).status_code == 404
    assert client.post(url(original), {"into": elsewhere.pk}).status_code == 404
    assert not ProjectPage.objects.child_of(elsewhere).exists()


def test_only_published_shareable_projects_can_be_reused(client, editor, index, original):
    client.force_login(editor)
    not_offered = make_project(Territory.of_page(original), "Projet gardé", shareable=False)
    assert client.get(url(not_offered)).status_code == 404
    original.unpublish()
    assert client.post(url(original), {"into": index.pk}).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, original):
    response = client.get(url(original))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_lists_what_other_territories_offer(client, territory, editor, original):
    own = make_project(territory, "Notre propre offre", shareable=True)
    kept = make_project(Territory.of_page(original), "Projet gardé", shareable=False)
    client.force_login(editor)

    response = client.get("/admin/reuse-project/")

    assert response.status_code == 200
    listed = {project.pk for project, _url, _territory in response.context["rows"]}
    # The originals, in French: their English versions are no other offer.
    offered = ProjectPage.objects.live().filter(shareable=True, locale__language_code="fr")
    others = {p.pk for p in offered.not_descendant_of(territory.home)}
    assert listed == others and original.pk in listed
    # One's own offers are not listed, nor projects nobody offered.
    assert own.pk not in listed and kept.pk not in listed
    assert f'href="/admin/reuse-project/{original.pk}/"' in response.content.decode()
    assert "/admin/reuse-project/" in client.get("/admin/").content.decode()  # the menu


def test_the_copy_keeps_the_text_of_links_to_the_original_territory_not_the_links(
    client, territory, editor, index, original
):
    """The editor could not save links to the original territory's pages, documents and
    images (territories/references.py): the copy keeps their text only."""
    from territories.references import refused_references

    home = original.get_parent().get_parent()
    original.problem = (
        f'<p>Voir <a linktype="page" id="{home.pk}">notre accueil</a> et '
        f'<a linktype="document" id="1">le bilan</a>.</p>'
        '<embed alt="x" embedtype="image" format="fullwidth" id="1"/>'
    )
    original.body = [("paragraph", f'<p>Lire <a linktype="page" id="{home.pk}">ceci</a>.</p>')]
    original.save_revision().publish()
    client.force_login(editor)

    client.post(url(original), {"into": index.pk})

    copy = ProjectPage.objects.child_of(index).get(slug=original.slug)
    assert copy.problem.endswith("<p>Voir notre accueil et le bilan.</p>")
    assert "linktype" not in copy.problem and "embed" not in copy.problem
    assert not copy.body  # the details are the original territory's: not copied
    fields = ["problem", "body"]
    assert not refused_references(copy, user=editor, territory=territory, fields=fields)


def test_an_origin_taken_down_is_no_longer_named(client, editor, index, original):
    client.force_login(editor)
    client.post(url(original), {"into": index.pk})
    copy = ProjectPage.objects.child_of(index).get(slug=original.slug)
    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert f'href="{original.full_url}"' in preview

    original.unpublish()

    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert f'href="{original.full_url}"' not in preview
    assert of_name("Département de la Creuse", "fr") not in preview


def test_the_copy_holds_exactly_what_the_confirmation_lists(client, editor, index, original):
    client.force_login(editor)
    html = client.get(url(original)).content.decode()
    for label in [*COPIED.values(), *NOT_COPIED]:
        assert escape(str(label)) in html

    client.post(url(original), {"into": index.pk})

    copy = ProjectPage.objects.child_of(index).get(slug=original.slug)
    # Every field of a project that the confirmation does not list starts empty: none of
    # the original territory's own account, figures, people or addresses.
    own_fields = [
        field
        for field in ProjectPage._meta.get_fields()
        if field.concrete
        and field.model in (ProjectPage, ProjectPage.__mro__[1])  # the project and BasePage
        and not field.primary_key
        and field.name not in COPIED
        and field.name not in {"reused_from", "page_ptr", "translation_key", "locale"}
        and getattr(field, "editable", True)
    ]
    assert {f.name for f in own_fields} >= {"intro", "body", "budget", "sponsor_service"}
    for field in own_fields:
        value = field.value_from_object(copy)
        assert not value, field.name
    assert not copy.team_members.exists() and not copy.phases.exists()
    assert "12 000" not in str(copy.body.raw_data) and "4 000" not in copy.intro


def test_a_territory_is_not_offered_its_own_project(client, original):
    own_editor = make_user(Territory.of_page(original), "editor")
    own_index = section_of(Territory.of_page(original).home, ProjectIndexPage)
    client.force_login(own_editor)
    before = ProjectPage.objects.count()

    page = client.get(url(original))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="into"' not in html and f'action="{url(original)}"' not in html
    assert f"/admin/pages/{original.pk}/edit/" in html  # the way to their own project

    for data in ({"into": own_index.pk}, {"into": own_index.pk, "again": "1"}, {}):
        response = client.post(url(original), data)
        assert response.status_code == 403
    assert client.get(url(original, into=own_index)).status_code == 200
    assert ProjectPage.objects.count() == before


def test_a_second_reuse_names_the_copy_and_needs_a_confirmation(client, editor, index, original):
    client.force_login(editor)
    client.post(url(original), {"into": index.pk})
    first = ProjectPage.objects.child_of(index).get(reused_from=original)
    edit_url = f"/admin/pages/{first.pk}/edit/"

    html = client.get(url(original)).content.decode()
    assert f'href="{edit_url}"' in html and 'name="again"' in html

    response = client.post(url(original), {"into": index.pk})
    assert response.status_code == 200 and f'href="{edit_url}"' in response.content.decode()
    assert ProjectPage.objects.child_of(index).filter(reused_from=original).count() == 1

    response = client.post(url(original), {"into": index.pk, "again": "1"})
    assert response.status_code == 302
    assert ProjectPage.objects.child_of(index).filter(reused_from=original).count() == 2


def test_another_territorys_copy_is_neither_named_nor_counted(client, editor, index, original):
    """As an attacker: another territory's copy and index, in the URL and the body."""
    elsewhere = make_territory()
    elsewhere_index = section_of(elsewhere.home, ProjectIndexPage)
    client.force_login(make_user(elsewhere, "editor"))
    client.post(url(original), {"into": elsewhere_index.pk})
    theirs = ProjectPage.objects.child_of(elsewhere_index).get(reused_from=original)
    before = set(ProjectPage.objects.values_list("pk", "path"))

    client.force_login(editor)
    html = client.get(url(original)).content.decode()
    assert f"/admin/pages/{theirs.pk}/" not in html and 'name="again"' not in html
    # Their index, in the query string and in the body, and their copy as an original.
    assert client.get(url(original, into=elsewhere_index)).status_code == 404
    assert client.post(url(original), {"into": elsewhere_index.pk, "again": "1"}).status_code == 404
    assert client.post(url(original, into=elsewhere_index), {"again": "1"}).status_code == 404
    assert client.get(url(theirs)).status_code == 404  # a draft, offered to nobody
    assert client.post(url(theirs), {"into": index.pk}).status_code == 404
    assert set(ProjectPage.objects.values_list("pk", "path")) == before
