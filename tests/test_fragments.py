"""Parts of public pages rendered once per site generation (home/templatetags/fragments.py):
reused while nothing changes, never stale after a change, never shared where a page holds a
visitor's CSRF token, and never fed by a preview's draft."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from irritants.tests.helpers import open_call
from projects.models import ProjectPage
from territories.models import TerritorySettings

pytestmark = pytest.mark.django_db

# The host and port the demo's Var site is served at: a preview's request uses them too.
VAR = "var.localhost:8000"
PAGES = [
    "/",
    "/projets/",
    "/projets/rsa-en-ligne/",
    "/actualites/",
    "/actualites/?page=2",
    "/actualites/lancement-pre-incubation-2019/",
    "/appels/",
    "/resultats/",
    "/a-propos/",
]
# The results page computes its figures before rendering (projects/models/results.py).
EAGER = {"/resultats/": 2}


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    # What is measured here is the rendering, not the page cache in front of it.
    settings.PAGECACHE_ENABLED = False


def get(client, path, host=VAR):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    return response.content.decode(), len(queries)


def rsa():
    return ProjectPage.objects.get(slug="rsa-en-ligne", url_path__startswith="/var/")


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_rendered_from_its_fragments_the_second_time(client, path):
    # The first request also fills the site, identity and route caches: the second one
    # renders the fragments, the third reuses them.
    get(client, path)
    get(client, "/appels/")  # other fragments in between: each page keeps its own
    first, _count = get(client, path)
    client.cookies.clear()
    again, count = get(client, path)
    assert again == first
    # The generations and Wagtail's view restriction check: nothing the page shows.
    assert count <= 2 + EAGER.get(path, 0), (path, count)


def test_nothing_is_reused_before_the_fragments_exist(client):
    get(client, "/projets/rsa-en-ligne/")
    _html, cached = get(client, "/projets/rsa-en-ligne/")
    # Another page of the same site: its own content is rendered, its queries run.
    _html, rendered = get(client, "/projets/")
    assert rendered > cached


def test_a_published_change_of_the_page_shows_at_once(client):
    get(client, "/projets/rsa-en-ligne/")
    project = rsa()
    project.title = "RSA en ligne, deuxième version"
    project.pitch = "Un nouveau pitch, publié à l’instant."
    project.save_revision().publish()
    html, _count = get(client, "/projets/rsa-en-ligne/")
    head, body = html.split("</head>")
    assert "RSA en ligne, deuxième version" in head
    assert "Un nouveau pitch, publié à l’instant." in body
    # The listing that shows it too.
    assert "RSA en ligne, deuxième version" in get(client, "/projets/")[0]


def test_a_changed_menu_title_and_identity_show_at_once(client):
    get(client, "/projets/rsa-en-ligne/")
    about = Page.objects.get(url_path="/var/a-propos/").specific
    assert about.show_in_menus
    about.title = "Qui sommes-nous"
    about.save_revision().publish()
    header = get(client, "/projets/rsa-en-ligne/")[0].split("</header>")[0]
    assert ">Qui sommes-nous</a>" in header

    identity = TerritorySettings.objects.get(site__hostname="var.localhost")
    identity.footer_text = "Un pied de page tout neuf"
    identity.save()
    footer = get(client, "/projets/rsa-en-ligne/")[0].split("<footer")[1]
    assert "Un pied de page tout neuf" in footer


def test_an_unpublished_page_leaves_the_listings_and_menus_at_once(client):
    get(client, "/projets/")
    rsa().unpublish()
    assert 'href="/projets/rsa-en-ligne/"' not in get(client, "/projets/")[0]
    about = Page.objects.get(url_path="/var/a-propos/")
    about.unpublish()
    assert 'href="/a-propos/"' not in get(client, "/projets/")[0].split("</header>")[0]


def test_each_language_has_its_own_fragments(client):
    french, _count = get(client, "/projets/")
    english, _count = get(client, "/en/projets/")
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert get(client, "/projets/")[0] == french


def test_every_visitor_gets_a_fresh_csrf_token_on_a_page_with_a_form(client):
    call = open_call()
    host = "pau.localhost"
    client.get(call.url, HTTP_HOST=host)  # the fragments are filled
    tokens = []
    for visitor in (client.__class__(), client.__class__()):
        response = visitor.get(call.url, HTTP_HOST=host)
        html = response.content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        tokens.append(token)
        # The form posts with it: the token matches the visitor's own cookie.
        posted = visitor.post(call.url, {"csrfmiddlewaretoken": token}, HTTP_HOST=host)
        assert posted.status_code != 403
    assert tokens[0] != tokens[1]


def test_a_preview_shows_the_draft_and_never_feeds_the_public_page(client):
    get(client, "/projets/rsa-en-ligne/")
    project = rsa()
    project.title = "Brouillon jamais publié"
    project.save_revision()
    draft = project.get_latest_revision_as_object()

    preview = draft.make_preview_request().content.decode()
    assert "Brouillon jamais publié" in preview.split("</head>")[1]

    # After the preview (which rendered the same fragments' names, keys and host), the
    # public page is still the published one.
    public = get(client, "/projets/rsa-en-ligne/")[0]
    assert "Brouillon jamais publié" not in public
    assert ">RSA en ligne" in public


def test_editors_see_what_they_saw_before(client, admin_client):
    # An editor's request renders (and may fill) the same fragments as visitors': nothing
    # in them depends on who asks.
    editor, _count = get(admin_client, "/projets/rsa-en-ligne/")
    visitor, _count = get(client, "/projets/rsa-en-ligne/")
    assert visitor == editor
