"""territories.scope.route_for_request finds the same page as Wagtail's walk down the tree,
in two queries whatever the depth."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home.breadcrumbs import breadcrumbs_of
from territories.scope import route_for_request, scope_for, site_for_request, site_root_paths

pytestmark = pytest.mark.django_db


def request_for(site, language):
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    request.META["SERVER_PORT"] = site.port
    return request


def wagtail_route(site, path, language):
    with translation.override(language):
        return Page.route_for_request(request_for(site, language), path)


def our_route(site, path, language):
    with translation.override(language):
        return route_for_request(request_for(site, language), path)


def answer(result):
    """What serving depends on: the page (its type and row), the sub-view and its arguments."""
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return (type(page), page.pk, view, args[1:], kwargs)


def paths_of(site):
    """Every page's path under the site's home in each language, a sub-page of a routable
    page, and addresses no page answers."""
    paths = {"", "nulle-part/", "projets/nulle-part/", "projets/nulle-part/encore/"}
    homes = site.root_page.get_translations(inclusive=True)
    for home in homes:
        for page in Page.objects.descendant_of(home):
            relative = page.url_path.removeprefix(home.url_path)
            paths |= {relative, relative + "merci/", relative + "inconnu/"}
    return sorted(paths)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_of_every_site_is_found_as_wagtail_finds_it(language):
    compared = 0
    for site in Site.objects.select_related("root_page"):
        for path in paths_of(site):
            assert answer(our_route(site, path, language)) == answer(
                wagtail_route(site, path, language)
            ), (site.hostname, path, language)
            compared += 1
    assert compared > 150


def ancestors(page):
    return [(parent.pk, parent.title) for parent in breadcrumbs_of(page)]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_routed_page_has_its_breadcrumbs_without_a_query(language, django_assert_num_queries):
    # The parents the route walked through, the same as the tree's ancestors.
    compared = 0
    for site in Site.objects.select_related("root_page"):
        for path in paths_of(site):
            result = our_route(site, path, language)
            if result is None:
                continue
            page = result.page
            expected = [
                (parent.pk, parent.title)
                for parent in Page.objects.get(pk=page.pk).get_ancestors().filter(depth__gte=2)
            ]
            with django_assert_num_queries(0):
                assert ancestors(page) == expected, (site.hostname, path, language)
            compared += 1
    assert compared > 50
    # A page found otherwise (a preview, a listing) asks the tree.
    page = Page.objects.get(url_path="/var/projets/").get_children().first()
    assert ancestors(page) == [(parent.pk, parent.title) for parent in page.get_ancestors()[1:]]


def test_a_page_under_a_draft_is_found_and_a_draft_is_not(var):
    site = Site.objects.get(root_page__url_path="/var/")
    projects = Page.objects.get(url_path="/var/projets/")
    project = projects.get_children().first()
    path = project.url_path.removeprefix("/var/")
    projects.live = False
    projects.save(update_fields=["live"])
    assert answer(our_route(site, path, "fr")) == answer(wagtail_route(site, path, "fr"))
    assert our_route(site, path, "fr").page.pk == project.pk
    assert our_route(site, "projets/", "fr") is None


def test_a_private_page_is_routed_and_left_to_wagtails_check():
    # Routing finds it; Wagtail's before_serve_page hook asks for the password.
    site = Site.objects.get(root_page__url_path="/var/")
    page = Page.objects.get(url_path="/var/a-propos/")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert our_route(site, "a-propos/", "fr").page.pk == page.pk


def test_the_route_costs_two_queries_whatever_the_depth(django_assert_num_queries):
    site = Site.objects.select_related("root_page").get(root_page__url_path="/var/")
    deepest = Page.objects.descendant_of(site.root_page).live().order_by("-depth").first()
    path = deepest.url_path.removeprefix("/var/")
    assert deepest.depth >= 4
    request = request_for(site, "fr")
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = []
    our_route(site, path, "fr")  # the content types, once per process
    # The locale, the site's home as it is now (shared with the request's scope), the pages
    # on the path, the page's type.
    with django_assert_num_queries(4):
        result = route_for_request(request, path)
    assert result.page.pk == deepest.pk
    with django_assert_num_queries(0):
        assert scope_for(request).root.pk == site.root_page_id


def test_a_home_unpublished_since_its_site_was_cached_is_not_routed(client):
    # The site (and its home page with it) is cached under the network's generation, which
    # an unpublication does not change: the home's state is read as it is now.
    assert client.get("/", HTTP_HOST="pau.localhost").status_code == 200
    Site.objects.get(hostname="pau.localhost").root_page.specific.unpublish()
    assert client.get("/", HTTP_HOST="pau.localhost").status_code == 404


@pytest.mark.parametrize(
    "host",
    [
        "var.localhost:8000",  # host name and port
        "var.localhost:9999",  # host name on another port
        "VAR.localhost:8000",
        "inconnu.example:8000",  # the default site
        "localhost:8000",
        "localhost:1234",
        "pau.localhost",
    ],
)
def test_the_site_of_a_host_is_wagtails(host, settings):
    settings.ALLOWED_HOSTS = ["*"]
    home = Site.objects.get(hostname="pau.localhost").root_page_id
    Site.objects.create(hostname="pau.localhost", port=9999, root_page_id=home)
    ours, theirs = (
        RequestFactory().get("/", HTTP_HOST=host),
        RequestFactory().get("/", HTTP_HOST=host),
    )
    assert site_for_request(ours) == Site.find_for_request(theirs)


def test_no_default_site_and_two_ports_of_a_host_is_no_site(settings):
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    home = Site.objects.get(hostname="var.localhost").root_page_id
    Site.objects.create(hostname="var.localhost", port=9999, root_page_id=home)
    request = RequestFactory().get("/", HTTP_HOST="var.localhost:1234")
    assert Site.find_for_request(RequestFactory().get("/", HTTP_HOST="var.localhost:1234")) is None
    assert site_for_request(request) is None


def test_the_site_root_paths_are_wagtails():
    from django.core.cache import cache
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    request = RequestFactory().get("/", HTTP_HOST="var.localhost:8000")
    ours = site_root_paths(request)
    cache.delete(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    assert ours == Site.get_site_root_paths()
    assert len({path.language_code for path in ours}) == 2
