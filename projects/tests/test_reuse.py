"""“Reuse in my territory”: a draft copy, into one's own territory only, no personal data."""

from datetime import date

import pytest
from wagtail.models import Locale

from projects.models import (
    ProjectDecision,
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    ProjectTeamMember,
    Theme,
)
from territories.models import Territory
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
        make_territory(),
        "Rappels de rendez-vous",
        shareable=True,
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
    assert (copy.title, copy.pitch, copy.problem) == (
        original.title,
        original.pitch,
        original.problem,
    )
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
    assert "Ce projet reprend le travail d’un autre territoire" in preview
    assert f'href="{original.full_url}"' in preview


def test_a_second_copy_gets_a_free_slug(client, editor, index, original):
    client.force_login(editor)
    for _ in range(2):
        client.post(url(original), {"into": index.pk})
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
    assert copy.problem == "<p>Voir notre accueil et le bilan.</p>"
    assert "linktype" not in str(copy.body.raw_data) and "Lire ceci" in str(copy.body.raw_data)
    fields = ["problem", "body"]
    assert not refused_references(copy, user=editor, territory=territory, fields=fields)


def test_an_origin_taken_down_is_no_longer_named(client, editor, index, original):
    client.force_login(editor)
    client.post(url(original), {"into": index.pk})
    copy = ProjectPage.objects.child_of(index).get(slug=original.slug)
    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert "Ce projet reprend le travail d’un autre territoire" in preview

    original.unpublish()

    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert "Ce projet reprend le travail d’un autre territoire" not in preview
