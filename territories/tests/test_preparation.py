"""A territory in preparation: absent from every public surface, a "coming soon" page for
visitors, the site itself for its members and the network's; put online, it appears."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, PageViewRestriction

from home.models import AccessibilityPage, ContentPage
from territories.launch import launch
from territories.models import Territory
from territories.services import TerritorySpec, create_territory
from testing import make_news, make_project, make_territory, make_user

pytestmark = pytest.mark.django_db

HUB = "localhost"
PROJECT = "Guichet numérique des aidants"
NEWS = "Les aidants testent le guichet"


@pytest.fixture
def preparing(django_capture_on_commit_callbacks):
    """A territory in preparation with a published project and news item (indexed)."""
    with django_capture_on_commit_callbacks(execute=True):
        territory = make_territory(name="Département de la Creuse", launched=False)
        project = make_project(territory, title=PROJECT, slug="guichet-aidants")
        make_news(territory, title=NEWS, projects=[project], slug="aidants-testent")
    return territory


def text(client, path, host=HUB, **params):
    response = client.get(path, params, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response.content.decode()


def public_surfaces(territory):
    host = territory.site.hostname
    return [
        (HUB, "/", {}),
        (HUB, "/api/territories.json", {}),
        (HUB, "/catalogue/", {}),
        (HUB, "/recherche/", {"q": "aidants"}),
        (host, "/recherche/", {"q": "aidants"}),
        (HUB, "/flux/rss.xml", {}),
        (HUB, "/flux/atom.xml", {}),
        (host, "/flux/rss.xml", {}),
        (host, "/flux/atom.xml", {}),
        (HUB, "/api/projects.json", {}),
        (host, "/api/projects.json", {}),
        (HUB, "/sitemap.xml", {}),
        (host, "/sitemap.xml", {}),
    ]


def shows(content, territory):
    return any(
        word in content
        for word in (PROJECT, NEWS, territory.name, territory.slug, territory.site.hostname)
    )


def test_no_public_surface_shows_a_territory_in_preparation_until_it_is_launched(client, preparing):
    for host, path, params in public_surfaces(preparing):
        response = client.get(path, params, HTTP_HOST=host)
        # The territory's own search, feeds and open data: its coming soon page.
        expected = 404 if host == preparing.site.hostname else 200
        assert response.status_code == expected, (host, path)
        assert not shows(response.content.decode(), preparing), (host, path)

    launch(preparing)

    # The same surfaces show it once online (so the checks above could fail); the hub's
    # sitemap lists the hub's own pages only.
    for host, path, params in public_surfaces(preparing):
        if (host, path) == (HUB, "/sitemap.xml"):
            continue
        content = text(client, path, host, **params)
        if path == "/api/territories.json":
            assert preparing.slug in content
        elif path == "/sitemap.xml":
            assert "guichet-aidants" in content
        elif path == "/":
            assert escape(preparing.name) in content
        else:
            assert PROJECT in content or NEWS in content, (host, path)


def test_visitors_get_a_coming_soon_page_with_nothing_of_the_site(client, preparing):
    host = preparing.site.hostname
    for path in ("/", "/projets/", "/projets/guichet-aidants/", "/accessibilite/"):
        response = client.get(path, HTTP_HOST=host)
        # Not Wagtail's redirect to the login page: the address does not exist yet.
        assert response.status_code == 404, path
        assert response["X-Robots-Tag"] == "noindex"
        assert "no-store" in response["Cache-Control"]
        content = response.content.decode()
        assert '<meta name="robots" content="noindex">' in content
        assert '<html lang="fr">' in content
        assert not shows(content, preparing), path
        assert "Accessibilité" not in content and "Projets" not in content
    english = client.get("/en/", HTTP_HOST=host)
    assert english.status_code == 404
    assert '<html lang="en">' in english.content.decode()
    assert "This site opens soon" in english.content.decode()
    assert not shows(english.content.decode(), preparing)


def test_members_and_the_network_see_the_site_with_a_banner_others_do_not(client, preparing, var):
    host = preparing.site.hostname
    superuser = get_user_model().objects.create_superuser("super-preparation", password="x")
    for user in (
        make_user(preparing, "editor"),
        make_user(preparing, "publisher"),
        make_user(preparing, "administrator"),
        make_user(None, "network"),
        superuser,
    ):
        client.force_login(user)
        response = client.get("/projets/guichet-aidants/", HTTP_HOST=host)
        assert response.status_code == 200, user
        content = response.content.decode()
        assert PROJECT in content and 'class="notice container" role="status"' in content
    # Another territory's editor, and a signed-in account with no group.
    for user in (
        make_user(var, "editor"),
        get_user_model().objects.create_user("sans-groupe", password="x"),
    ):
        client.force_login(user)
        response = client.get("/projets/guichet-aidants/", HTTP_HOST=host)
        assert response.status_code == 404
        assert not shows(response.content.decode(), preparing)


def test_the_page_cache_never_serves_a_members_page_nor_stores_the_coming_soon(client, preparing):
    host = preparing.site.hostname
    for _ in range(2):
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 404 and "X-Page-Cache" not in response
    client.force_login(make_user(preparing, "editor"))
    assert client.get("/", HTTP_HOST=host).status_code == 200
    client.logout()
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 404 and not shows(response.content.decode(), preparing)

    launch(preparing)

    # Online: what visitors get is the site, and the cache serves it again.
    first = client.get("/", HTTP_HOST=host)
    second = client.get("/", HTTP_HOST=host)
    assert first.status_code == 200 and preparing.name in first.content.decode()
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert 'role="status"' not in second.content.decode()


def test_a_publisher_cannot_lift_the_preparation_restriction_from_the_privacy_dialog(
    client, preparing
):
    home = preparing.home
    client.force_login(make_user(preparing, "publisher"))

    for form in (
        {"restriction_type": "none"},
        {"restriction_type": "login"},
        {"restriction_type": "groups", "groups": [preparing.publishers_id]},
    ):
        # Its own transaction, as a request has in production: the refusal rolls it back.
        with transaction.atomic():
            response = client.post(f"/admin/pages/{home.pk}/privacy/", form)
        assert response.status_code in (302, 403), form
        restriction = PageViewRestriction.objects.get(page=home)
        assert restriction.restriction_type == "groups"
        assert set(restriction.groups.values_list("pk", flat=True)) >= {
            preparing.editors_id,
            preparing.publishers_id,
            preparing.administrators_id,
        }
    assert client.get("/", HTTP_HOST=preparing.site.hostname).status_code == 200
    client.logout()
    assert client.get("/", HTTP_HOST=preparing.site.hostname).status_code == 404


def test_create_territory_starts_in_preparation_with_the_about_page_as_a_draft(client):
    territory = create_territory(
        TerritorySpec(
            name="Département de la Gironde", slug="gironde", hostname="gironde.localhost"
        )
    )

    assert not territory.is_launched
    assert PageViewRestriction.objects.filter(page=territory.home).exists()
    about = ContentPage.objects.child_of(territory.home).get()
    assert not about.live and about.has_unpublished_changes
    statement = AccessibilityPage.objects.child_of(territory.home).get()
    assert statement.live
    # The English tree: each section's alias, live exactly when its source is.
    english = territory.home.get_translation(Locale.objects.get(language_code="en"))
    for copy in english.get_children().specific():
        assert copy.live == copy.alias_of.live, copy
    assert not english.get_children().get(alias_of=about).live

    client.force_login(make_user(territory, "editor"))
    home = client.get("/", HTTP_HOST="gironde.localhost").content.decode()
    # The home page is titled with the site's name: once in the <title>.
    assert "<title>Département de la Gironde</title>" in home
    assert client.get("/a-propos/", HTTP_HOST="gironde.localhost").status_code == 404
    accessibility = client.get("/accessibilite/", HTTP_HOST="gironde.localhost")
    # No contact address given: the statement invites no one to write to nobody.
    assert "mailto:" not in accessibility.content.decode()
    assert "<title>Accessibilité — Département de la Gironde</title>" in (
        accessibility.content.decode()
    )


def test_the_statement_gives_the_contact_address_once_it_is_set(client):
    territory = make_territory()
    identity = territory.site.territorysettings
    identity.contact_email = "accessibilite@creuse.example"
    identity.save()
    content = text(client, "/accessibilite/", territory.site.hostname)
    assert 'href="mailto:accessibilite@creuse.example"' in content


@pytest.mark.parametrize("launched", [False, True])
def test_archive_and_restore_give_back_the_state_the_territory_had(client, launched):
    territory = make_territory(launched=launched)
    make_project(territory)
    host = territory.site.hostname
    expected = 200 if launched else 404

    assert client.get("/projets/", HTTP_HOST=host).status_code == expected
    call_command("archive_territory", territory.slug)
    assert client.get("/projets/", HTTP_HOST=host).status_code == 410
    said = StringIO()
    call_command("archive_territory", territory.slug, "--restore", stdout=said)
    # The operator is told which state the territory is back in.
    assert ("toujours en préparation" in said.getvalue()) != launched

    territory = Territory.objects.get(pk=territory.pk)
    assert territory.is_launched == launched
    assert PageViewRestriction.objects.filter(page=territory.home).exists() != launched
    assert client.get("/projets/", HTTP_HOST=host).status_code == expected
    assert (territory.name in text(client, "/")) == launched
    if not launched:
        client.force_login(make_user(territory, "editor"))
        assert client.get("/projets/", HTTP_HOST=host).status_code == 200


def test_the_demo_territories_are_online(client):
    for territory in Territory.objects.filter(slug__in=["var", "pau", "grandest", "pasdecalais"]):
        assert territory.is_launched
        assert not PageViewRestriction.objects.filter(page=territory.home).exists()
        assert escape(territory.name) in text(client, "/")


def test_existing_and_unknown_addresses_answer_the_same_coming_soon_page(client, preparing):
    """Nothing tells which addresses exist (a 404 of the site would show its name and let
    its slugs be enumerated): pages, documents, search, and addresses that do not exist."""
    host = preparing.site.hostname
    answers = {
        path: client.get(path, HTTP_HOST=host)
        for path in (
            "/projets/guichet-aidants/",
            "/projets/nexiste-pas/",
            "/nexiste-pas/",
            "/projets/guichet-aidants/nexiste-pas/",
            "/recherche/",
            "/documents/999999/nexiste-pas.pdf",
        )
    }
    for path, response in answers.items():
        assert response.status_code == 404, path
        assert response.content == answers["/projets/guichet-aidants/"].content, path
        assert not shows(response.content.decode(), preparing), path
    # The open paths answer as usual.
    assert client.get("/robots.txt", HTTP_HOST=host).status_code == 200
    assert client.get("/healthz", HTTP_HOST=host).status_code == 200
    assert client.get("/admin/login/", HTTP_HOST=host).status_code == 200
    assert b"opens soon" not in client.get("/invitation/inconnue/", HTTP_HOST=host).content
    # Its members get the site's own 404 for an address that does not exist.
    client.force_login(make_user(preparing, "editor"))
    member = client.get("/projets/nexiste-pas/", HTTP_HOST=host)
    assert member.status_code == 404 and b"opens soon" not in member.content


def test_a_territory_in_preparation_serves_its_documents_to_its_members_only(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    territory = make_territory(launched=False)
    document = get_document_model().objects.create(
        title="Budget", collection=territory.collection, file=ContentFile(b"%PDF", "budget.pdf")
    )
    url = document.url

    # On any host name (the hub's too): refused to visitors, another territory's members...
    for user in (None, make_user(make_territory(), "editor")):
        if user is not None:
            client.force_login(user)
        response = client.get(url, HTTP_HOST=HUB)
        assert response.status_code in (302, 403, 404), user
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    client.logout()
    # ...given to its members and the network's.
    for user in (make_user(territory, "editor"), make_user(None, "network")):
        client.force_login(user)
        response = client.get(url, HTTP_HOST=HUB)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == b"%PDF"
    client.logout()

    call_command("archive_territory", territory.slug)
    call_command("archive_territory", territory.slug, "--restore", stdout=StringIO())
    assert client.get(url, HTTP_HOST=HUB).status_code != 200

    launch(Territory.objects.get(pk=territory.pk))
    assert client.get(url, HTTP_HOST=HUB).status_code == 200


def test_the_privacy_dialog_of_another_language_version_is_refused_without_an_error(
    client, preparing
):
    english = preparing.home.get_translation(Locale.objects.get(language_code="en"))
    before = list(PageViewRestriction.objects.values_list("pk", "page_id", "restriction_type"))
    client.force_login(make_user(preparing, "publisher"))

    for form in (
        {"restriction_type": "password", "password": "abcdef"},
        {"restriction_type": "groups", "groups": [preparing.publishers_id]},
        {"restriction_type": "login"},
    ):
        with transaction.atomic():
            response = client.post(f"/admin/pages/{english.pk}/privacy/", form)
        assert response.status_code in (200, 302, 403), form
        assert not PageViewRestriction.objects.filter(page=english).exists()
    assert list(PageViewRestriction.objects.values_list("pk", "page_id", "restriction_type")) == (
        before
    )
    client.logout()
    assert client.get("/en/", HTTP_HOST=preparing.site.hostname).status_code == 404
