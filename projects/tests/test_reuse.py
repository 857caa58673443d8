"""“Reuse in my territory”: a draft copy, into one's own territory only, no personal data."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from projects.models import ProjectIndexPage, ProjectPage
from territories.models import Territory

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_editor():
    user = get_user_model().objects.create_user(username="redaction-var-reuse", password="x")
    user.groups.add(Territory.objects.get(slug="var").editors)
    return user


def projects_index(slug):
    return ProjectIndexPage.objects.get(url_path=f"/{slug}/projets/")


def url(project, into=None):
    return f"/admin/reuse-project/{project.pk}/" + (f"?into={into.pk}" if into else "")


def test_reusing_creates_a_draft_in_the_users_territory_without_personal_data(client, var_editor):
    lapins = ProjectPage.objects.get(slug="lapins")
    client.force_login(var_editor)
    var_index = projects_index("var")

    form = client.get(url(lapins))
    assert form.status_code == 200
    html = form.content.decode()
    assert f'value="{var_index.pk}"' in html and "Département du Var" in html
    assert f'value="{projects_index("pau").pk}"' not in html
    # Not into the English tree, which follows the French one.
    english_index = var_index.get_translation(Locale.objects.get(language_code="en"))
    assert f'value="{english_index.pk}"' not in html

    response = client.post(url(lapins), {"into": var_index.pk})

    copy = ProjectPage.objects.child_of(var_index).get(slug="lapins")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert not copy.live and copy.has_unpublished_changes and copy.owner == var_editor
    assert copy.reused_from == lapins and copy.locale == var_index.locale
    assert copy.get_translations().filter(alias_of=copy).count() == 1  # its English alias
    assert (copy.title, copy.pitch, copy.problem) == (lapins.title, lapins.pitch, lapins.problem)
    assert copy.source_code_url == lapins.source_code_url
    assert set(copy.themes.all()) == set(lapins.themes.all())
    # Nothing that belongs to the original territory: people, history, figures, addresses.
    assert not copy.team_members.exists() and not copy.phases.exists()
    assert not copy.decisions.exists() and copy.budget is None and not copy.service_url
    indicators = copy.impact_indicators()
    assert [i.name for i in indicators] == [i.name for i in lapins.impact_indicators()]
    assert all(not i.measurements and i.baseline is None for i in indicators)
    # The original is untouched and still credited from the copy's preview.
    lapins.refresh_from_db()
    assert lapins.live and lapins.team_members.count() == 3
    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert "Ce projet reprend le travail d’un autre territoire" in preview
    assert 'href="http://pasdecalais.localhost:8000/projets/lapins/"' in preview


def test_a_second_copy_gets_a_free_slug(client, var_editor):
    lapins = ProjectPage.objects.get(slug="lapins")
    client.force_login(var_editor)
    for _ in range(2):
        client.post(url(lapins), {"into": projects_index("var").pk})
    slugs = set(ProjectPage.objects.child_of(projects_index("var")).values_list("slug", flat=True))
    assert {"lapins", "lapins-2"} <= slugs


def test_reusing_into_another_territory_is_refused(client, var_editor):
    lapins = ProjectPage.objects.get(slug="lapins")
    pau_index = projects_index("pau")
    client.force_login(var_editor)

    assert client.get(url(lapins, into=pau_index)).status_code == 404
    assert client.post(url(lapins), {"into": pau_index.pk}).status_code == 404
    assert not ProjectPage.objects.child_of(pau_index).filter(slug="lapins").exists()


def test_only_published_shareable_projects_can_be_reused(client, var_editor):
    client.force_login(var_editor)
    not_offered = ProjectPage.objects.get(
        slug="cde-informer-les-familles", locale__language_code="fr"
    )
    assert not not_offered.shareable
    assert client.get(url(not_offered)).status_code == 404
    withdrawn = ProjectPage.objects.get(slug="meli-melo", locale__language_code="fr")
    withdrawn.unpublish()
    assert client.post(url(withdrawn), {"into": projects_index("var").pk}).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client):
    lapins = ProjectPage.objects.get(slug="lapins")
    response = client.get(url(lapins))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_admin_lists_what_other_territories_offer(client, var_editor):
    client.force_login(var_editor)
    response = client.get("/admin/reuse-project/")
    assert response.status_code == 200
    listed = {project.slug for project, _url, _territory in response.context["rows"]}
    # The originals, in French: their English versions are no other offer.
    offered = ProjectPage.objects.live().filter(shareable=True, locale__language_code="fr")
    others = {p.slug for p in offered if not p.url_path.startswith("/var/")}
    assert listed == others and "lapins" in listed
    # One's own offers are not listed, nor projects nobody offered.
    assert "rsa-en-ligne" not in listed and "cde-informer-les-familles" not in listed
    lapins = ProjectPage.objects.get(slug="lapins")
    assert f'href="/admin/reuse-project/{lapins.pk}/"' in response.content.decode()
    assert "/admin/reuse-project/" in client.get("/admin/").content.decode()  # the menu


def test_the_copy_keeps_the_text_of_links_to_the_original_territory_not_the_links(
    client, var_editor
):
    """The editor could not save links to the original territory's pages, documents and
    images (territories/references.py): the copy keeps their text only."""
    from territories.references import refused_references

    lapins = ProjectPage.objects.get(slug="lapins")
    home = lapins.get_parent().get_parent()
    lapins.problem = (
        f'<p>Voir <a linktype="page" id="{home.pk}">notre accueil</a> et '
        f'<a linktype="document" id="1">le bilan</a>.</p>'
        '<embed alt="x" embedtype="image" format="fullwidth" id="1"/>'
    )
    lapins.body = [("paragraph", f'<p>Lire <a linktype="page" id="{home.pk}">ceci</a>.</p>')]
    lapins.save_revision().publish()
    client.force_login(var_editor)

    client.post(url(lapins), {"into": projects_index("var").pk})

    copy = ProjectPage.objects.child_of(projects_index("var")).get(slug="lapins")
    assert copy.problem == "<p>Voir notre accueil et le bilan.</p>"
    assert "linktype" not in str(copy.body.raw_data) and "Lire ceci" in str(copy.body.raw_data)
    var = Territory.objects.get(slug="var")
    assert not refused_references(copy, user=var_editor, territory=var, fields=["problem", "body"])


def test_an_origin_taken_down_is_no_longer_named(client, var_editor):
    lapins = ProjectPage.objects.get(slug="lapins")
    client.force_login(var_editor)
    client.post(url(lapins), {"into": projects_index("var").pk})
    copy = ProjectPage.objects.child_of(projects_index("var")).get(slug="lapins")

    lapins.unpublish()

    preview = client.get(f"/admin/pages/{copy.pk}/view_draft/").content.decode()
    assert "Ce projet reprend le travail d’un autre territoire" not in preview
