"""Admin surfaces scoped to one's territory: bulk actions, dashboard, searches, choosers, API.

Territory accounts (Var's Rédaction and Publication groups) send every request by hand,
with Pau's ids in the URL and in the body: Pau's titles never show, and a refused POST leaves
the database as it was. (Malformed bulk parameters: tests/test_bad_input.py.)
"""

import json
import re
from html import unescape

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from projects.models import NewsPage, ProjectPage
from territories.bulk_actions import TerritoryBulkAction
from territories.models import Territory
from tests.accounts import user_in

pytestmark = pytest.mark.django_db

PAGE_ACTIONS = ["delete", "unpublish", "move", "publish"]

# Query strings that gather pages to act on, with {pau_section} and {pau_page} filled in.
PAGE_SELECTIONS = [
    "id=all",
    "id=all&q=Témoin",
    "id=all&q=",
    "id=all&childOf=1",
    "id=all&childOf=1&q=Témoin",
    "id=all&childOf={pau_section}",
    "id=all&childOf={pau_section}&q=Témoin",
    "id=all&childOf={pau_home}",
    "id={pau_page}",
    "id={pau_draft}",
    "id={pau_page}&id={own_page}",
]

PAU_TITLES = ["Témoin Pau", "Communauté d'agglomération Pau", "Pau Béarn Pyrénées"]


def retitle(page, title, *, live=None):
    page.title = page.draft_title = title
    if live is not None:
        page.live = live
    page.save()
    return page


class World:
    def __init__(self):
        self.var = Territory.objects.get(slug="var")
        self.pau = Territory.objects.get(slug="pau")
        self.english = Locale.objects.get(language_code="en")
        self.users = {
            "redaction-var": user_in(self.var.editors, "redaction-var-surfaces"),
            "publication-var": user_in(self.var.publishers, "publication-var-surfaces"),
        }
        own_projects = ProjectPage.objects.descendant_of(self.var.home).order_by("path")
        pau_projects = ProjectPage.objects.descendant_of(self.pau.home).order_by("path")
        self.own_page = retitle(own_projects[0], "Témoin Var")
        self.pau_page = retitle(pau_projects[0], "Témoin Pau en ligne")
        self.pau_draft = retitle(pau_projects[1], "Témoin Pau brouillon", live=False)
        self.pau_section = self.pau_page.get_parent()
        self.own_section = self.own_page.get_parent()
        self.pau_image = Image.objects.create(
            title="Témoin Pau image", file=png(), collection=self.pau.collection
        )
        self.own_image = Image.objects.create(
            title="Témoin Var image", file=png(), collection=self.var.collection
        )
        self.pau_document = Document.objects.create(
            title="Témoin Pau document",
            file=ContentFile(b"%PDF-1.4 temoin", name="temoin.pdf"),
            collection=self.pau.collection,
        )

    def fill(self, template):
        return template.format(
            pau_page=self.pau_page.pk,
            pau_draft=self.pau_draft.pk,
            pau_section=self.pau_section.pk,
            pau_home=self.pau.home.pk,
            own_page=self.own_page.pk,
            own_section=self.own_section.pk,
        )


def png():
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="temoin.png")


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    # The search index is updated on commit.
    with django_capture_on_commit_callbacks(execute=True):
        return World()


@pytest.fixture
def http():
    # Server errors come back as responses, as a browser would get them.
    return Client(raise_request_exception=False)


def body(response):
    if response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html", "") if isinstance(data, dict) and "html" in data else str(data)
    return unescape(response.content.decode())


def pau_shown(text):
    return [title for title in PAU_TITLES if title in text]


def pau_state(world):
    """What Pau's pages, images and documents are: a refused POST must not change it."""
    pages = Page.objects.descendant_of(world.pau.home, inclusive=True)
    return {
        "pages": sorted(
            pages.values_list("pk", "path", "title", "live", "latest_revision_id", "locked")
        ),
        "translations": sorted(
            Page.objects.filter(translation_key__in=pages.values("translation_key")).values_list(
                "pk", "path", "live"
            )
        ),
        "images": sorted(
            Image.objects.filter(collection=world.pau.collection).values_list("pk", "title")
        ),
        "image tags": sorted(world.pau_image.tags.values_list("name", flat=True)),
        "image collection": Image.objects.get(pk=world.pau_image.pk).collection_id,
        "documents": sorted(
            Document.objects.filter(collection=world.pau.collection).values_list("pk", "title")
        ),
        "document tags": sorted(world.pau_document.tags.values_list("name", flat=True)),
    }


# Finding 5: bulk listings.


def test_bulk_page_listings_name_only_ones_own_pages(http, world):
    leaks = []
    for role, user in world.users.items():
        http.force_login(user)
        for action in PAGE_ACTIONS:
            for selection in PAGE_SELECTIONS:
                url = f"/admin/bulk/wagtailcore/page/{action}/?{world.fill(selection)}"
                response = http.get(url)
                if response.status_code not in (200, 404):
                    leaks.append(f"{role} {url} → {response.status_code}")
                elif shown := pau_shown(body(response)):
                    leaks.append(f"{role} {url} names {shown}")
    assert not leaks, "\n".join(leaks)


def test_bulk_page_listings_still_gather_ones_own_pages(http, world):
    http.force_login(world.users["publication-var"])
    for action in PAGE_ACTIONS:
        for selection in ["id=all&q=Témoin", "id=all&childOf={own_section}", "id={own_page}"]:
            url = f"/admin/bulk/wagtailcore/page/{action}/?{world.fill(selection)}"
            response = http.get(url)
            assert response.status_code == 200, url
            assert "Témoin Var" in body(response), url
    # Searching the whole tree from the root finds one's own pages, and only those.
    response = http.get("/admin/bulk/wagtailcore/page/unpublish/?id=all&q=Témoin&childOf=1")
    assert "Témoin Var" in body(response) and not pau_shown(body(response))


def every_bulk_action_url():
    bulk_action_registry._scan_for_bulk_actions()
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            for action_type in actions:
                yield f"/admin/bulk/{app_label}/{model_name}/{action_type}/"


def test_every_bulk_action_is_the_territory_scoped_one():
    bulk_action_registry._scan_for_bulk_actions()
    unscoped = [
        f"{app}.{model} {action_type}: {action_class.__name__}"
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action_type, action_class in actions.items()
        if not issubclass(action_class, TerritoryBulkAction)
    ]
    assert not unscoped, unscoped
    assert len(list(every_bulk_action_url())) >= 10  # pages, images, documents, users


def test_bulk_confirmations_on_pau_change_nothing(http, world):
    site_name = "Réseau des startups de territoire"
    before = pau_state(world)
    posts = [
        ("/admin/bulk/wagtailcore/page/delete/?{sel}", {"confirm_site_name": site_name}),
        ("/admin/bulk/wagtailcore/page/unpublish/?{sel}", {"include_descendants": "on"}),
        ("/admin/bulk/wagtailcore/page/publish/?{sel}", {"include_descendants": "on"}),
        ("/admin/bulk/wagtailcore/page/move/?{sel}", {"chooser": world.own_section.pk}),
    ]
    selections = [
        "id={pau_page}",
        "id={pau_draft}",
        "id=all&childOf={pau_section}",
        "id=all&childOf={pau_home}&q=Témoin",
    ]
    media_posts = [
        (f"/admin/bulk/wagtailimages/image/delete/?id={world.pau_image.pk}", {}),
        (
            f"/admin/bulk/wagtailimages/image/add_to_collection/?id={world.pau_image.pk}",
            {"collection": world.var.collection.pk},
        ),
        (f"/admin/bulk/wagtailimages/image/add_tags/?id={world.pau_image.pk}", {"tags": "pirate"}),
        (f"/admin/bulk/wagtaildocs/document/delete/?id={world.pau_document.pk}", {}),
        (
            f"/admin/bulk/wagtaildocs/document/add_to_collection/?id={world.pau_document.pk}",
            {"collection": world.var.collection.pk},
        ),
        (
            f"/admin/bulk/wagtaildocs/document/add_tags/?id={world.pau_document.pk}",
            {"tags": "pirate"},
        ),
    ]
    failures = []
    for role, user in world.users.items():
        http.force_login(user)
        requests = [
            (url.format(sel=world.fill(selection)), data)
            for url, data in posts
            for selection in selections
        ] + media_posts
        for url, data in requests:
            response = http.post(url, data)
            if response.status_code not in (403, 404):
                failures.append(f"{role} POST {url} → {response.status_code}")
            elif shown := pau_shown(body(response)):
                failures.append(f"{role} POST {url} names {shown}")
    assert pau_state(world) == before
    assert not failures, "\n".join(failures)


def test_moving_ones_page_into_pau_is_refused_without_naming_it(http, world):
    http.force_login(world.users["publication-var"])
    own_path = world.own_page.path
    response = http.post(
        f"/admin/bulk/wagtailcore/page/move/?id={world.own_page.pk}",
        {"chooser": world.pau_section.pk},
    )
    assert response.status_code == 200  # the form again, with its error
    assert not pau_shown(body(response)) and world.pau_section.title not in [
        title for title in re.findall(r'data-title="([^"]*)"', body(response))
    ]
    assert Page.objects.get(pk=world.own_page.pk).path == own_path
    assert not Page.objects.child_of(world.pau_section).filter(pk=world.own_page.pk).exists()


# Finding 7: the dashboard.


def summary_link(html):
    match = re.search(r'<a href="(/admin/pages/\d+/)">\s*([\d\s\u202f\xa0]+) Pages?', html)
    assert match, "no page summary on the dashboard"
    return match.group(1), int(re.sub(r"\D", "", match.group(2)))


def search_action(html):
    match = re.search(r'<form\s+class="w-mb-12"\s+action="([^"]+)"', html)
    assert match, "no search box on the dashboard"
    return match.group(1)


def test_dashboard_counts_links_and_searches_ones_own_territory(http, world):
    own_pages = Page.objects.descendant_of(world.var.home, inclusive=True).count()
    for role, user in world.users.items():
        http.force_login(user)
        html = body(http.get("/admin/"))
        link, count = summary_link(html)
        assert link == f"/admin/pages/{world.var.home.pk}/", role
        assert count == own_pages, role
        title = re.search(r'<h1 class="w-h1[^"]*">\s*(.*?)\s*</h1>', html, flags=re.S)
        assert title.group(1) == "Département du Var", role
        # Every summary names the territory's site, not the network's.
        assert "Réseau des startups" not in html and not pau_shown(html), role
        assert http.get(link).status_code == 200

        action = search_action(html)
        response = http.get(action, {"q": "Témoin"})
        assert response.status_code == 200, (role, action)
        results = body(response)
        assert "Témoin Var" in results and not pau_shown(results), role


def test_admin_page_search_and_explorer_search_stay_in_the_territory(http, world):
    urls = [
        "/admin/pages/search/?q=Témoin",
        "/admin/pages/search/results/?q=Témoin",
        "/admin/pages/1/?q=Témoin",
        "/admin/pages/1/?q=Témoin&search_all=1",
        "/admin/pages/{own_section}/?q=Témoin&search_all=1",
        "/admin/pages/?q=Témoin",
    ]
    odd = [
        "/admin/pages/search/?q=%00",
        "/admin/pages/search/?q=Témoin&p=abc",
        "/admin/pages/search/?q=Témoin&p=99999",
        "/admin/pages/search/?q=Témoin&ordering=nope",
        "/admin/pages/search/?q=Témoin&content_type=abc",
        "/admin/pages/search/?q=Témoin&content_type=wagtailcore.nope",
        "/admin/pages/search/?q=Témoin&locale=zz",
        "/admin/pages/search/?q=Témoin&site=abc&owner=abc&edited_by=abc",
        "/admin/pages/1/?q=Témoin&p=abc&ordering=%00",
        "/admin/pages/{pau_section}/?q=Témoin",
        "/admin/pages/abc/",
    ]
    for role, user in world.users.items():
        http.force_login(user)
        for url in urls:
            response = http.get(world.fill(url))
            assert response.status_code == 200, (role, url)
            assert "Témoin Var" in body(response), (role, url)
            assert not pau_shown(body(response)), (role, url)
        for url in odd:
            response = http.get(world.fill(url))
            assert response.status_code < 500, (role, url, response.status_code)
            assert not pau_shown(body(response)), (role, url)


# Finding 8 (the chooser part): scoped, robust, one language at a time and labelled.


def test_page_chooser_lists_and_searches_only_ones_territory(http, world):
    urls = [
        "/admin/choose-page/",
        "/admin/choose-page/?page_type=projects.projectpage",
        "/admin/choose-page/?locale=en",
        "/admin/choose-page/?allow_external_link=true&allow_email_link=true&allow_phone_link=true",
        "/admin/choose-page/search/?q=Témoin",
        "/admin/choose-page/search/?q=Témoin&locale=en",
        "/admin/choose-page/search/?q=Témoin&page_type=projects.projectpage",
        "/admin/choose-page/search/?q=Pau",
        "/admin/choose-page/1/",
        "/admin/choose-page/{own_section}/",
        "/admin/choose-page/{own_section}/?user_perms=move_to&target_pages[]={own_page}",
    ]
    refused = ["/admin/choose-page/{pau_section}/", "/admin/choose-page/{pau_home}/"]
    odd = [
        "/admin/choose-page/?target_pages[]=abc",
        "/admin/choose-page/?target_pages[]=" + "9" * 30,
        "/admin/choose-page/?user_perms=move_to&target_pages[]={pau_page}",
        "/admin/choose-page/?locale=zz",
        "/admin/choose-page/?locale=%00",
        "/admin/choose-page/?p=abc",
        "/admin/choose-page/?page_type=nope.nope",
        "/admin/choose-page/?page_type=%00",
        "/admin/choose-page/?can_choose_root=1&match_subclass=0",
        "/admin/choose-page/search/?q=Témoin&p=abc",
        "/admin/choose-page/search/?q=%00",
        "/admin/choose-page/search/?q=Témoin&locale=zz",
        "/admin/choose-page/search/?q=Témoin&page_type=nope.nope",
        "/admin/choose-page/{own_section}/?locale=zz&p=-1",
        "/admin/choose-page/chosen-multiple/?id=abc",
        "/admin/choose-page/chosen-multiple/?id={pau_page}",
        "/admin/choose-page/chosen-multiple/?id=" + "9" * 30,
    ]
    for role, user in world.users.items():
        http.force_login(user)
        for url in urls:
            response = http.get(world.fill(url))
            assert response.status_code == 200, (role, url, response.status_code)
            assert not pau_shown(body(response)), (role, url)
        for url in refused:
            assert http.get(world.fill(url)).status_code == 404, (role, url)
        for url in odd:
            response = http.get(world.fill(url))
            assert response.status_code < 500, (role, url, response.status_code)
            assert not pau_shown(body(response)), (role, url)


def chooser_rows(response):
    """(title, language label) of each choosable row of a chooser listing."""
    html = body(response)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)
    found = []
    for row in rows:
        title = re.search(r'class="choose-page"[^>]*>([^<]*)<', row)
        if title:
            label = re.search(r"w-status--label[^>]*>\s*([^<]*?)\s*<", row)
            found.append((unescape(title.group(1)).strip(), label and label.group(1)))
    return found


def test_page_chooser_shows_each_pages_language_and_the_editors_first(http, world):
    english_home = world.var.home.get_translation(world.english)
    english_page = world.own_page.get_translation(world.english)
    http.force_login(world.users["redaction-var"])

    # The root offers the editor's language (the admin's, French), with a switch to English.
    html = body(http.get("/admin/choose-page/"))
    assert world.var.home.title in html and english_home.title not in html
    assert "locale=en" in html

    # Each page is labelled with its language, in the listing and in the search.
    rows = chooser_rows(http.get(f"/admin/choose-page/{world.own_section.pk}/"))
    assert ("Témoin Var", "Français") in rows
    assert {label for _title, label in rows} == {"Français"}
    rows = chooser_rows(http.get("/admin/choose-page/search/?q=Témoin"))
    assert rows == [("Témoin Var", "Français")]

    # English on request, labelled as such.
    english = body(http.get("/admin/choose-page/?locale=en"))
    assert english_home.title in english and world.var.home.title not in english
    query = {"q": english_page.title}
    assert "English" not in {
        label for _title, label in chooser_rows(http.get("/admin/choose-page/search/", query))
    }
    rows = chooser_rows(http.get("/admin/choose-page/search/", {**query, "locale": "en"}))
    assert (english_page.title, "English") in rows
    assert {label for _title, label in rows} == {"English"}


def test_a_chooser_for_a_type_only_pau_has_opens_on_ones_own_homes(http, world):
    # Wagtail opens a chooser limited to page types at the common ancestor of every such page
    # of the network: when only Pau has news (in French), inside Pau.
    elsewhere = Page.objects.type(NewsPage).exclude(path__startswith=world.pau.home.path)
    while (page := elsewhere.first()) is not None:
        page.delete()  # its aliases go with it
    assert Page.objects.type(NewsPage).first_common_ancestor().is_descendant_of(world.pau.home)

    for role, user in world.users.items():
        http.force_login(user)
        response = http.get("/admin/choose-page/?page_type=projects.newspage", follow=True)
        assert response.status_code == 200, role
        html = body(response)
        assert not pau_shown(html) and "Actualités" not in html, role
        assert world.var.home.title in html, role


def test_link_chooser_turns_only_ones_own_addresses_into_page_links(http, world):
    def choose(address):
        response = http.post(
            "/admin/choose-external-link/",
            {"external-link-chooser-url": address, "external-link-chooser-link_text": ""},
        )
        assert response.status_code == 200
        return json.loads(response.content)["result"], response.content.decode()

    for role, user in world.users.items():
        http.force_login(user)
        # Pau's public address stays an address: neither its id nor its title comes back.
        result, raw = choose(world.pau_page.full_url)
        assert "id" not in result and result["url"] == world.pau_page.full_url, role
        assert "Témoin Pau" not in raw, role
        result, _raw = choose(world.own_page.full_url)
        assert result["id"] == world.own_page.pk, role


# The admin API behind the explorer menu.


def test_admin_api_reads_only_ones_territory(http, world):
    api = "/admin/api/main/pages/"
    refused = [
        f"{api}{world.pau_page.pk}/",
        f"{api}{world.pau_draft.pk}/",
        f"{api}{world.pau.home.pk}/",
        f"{api}{world.pau_section.pk}/?fields=title",
        f"{api}find/?id={world.pau_page.pk}",
        f"{api}find/?html_path=/pau/",
    ]
    listings = [
        f"{api}?child_of=1",
        f"{api}?child_of={world.pau_section.pk}",
        f"{api}?descendant_of={world.pau.home.pk}",
        f"{api}?translation_of={world.pau_page.pk}",
        f"{api}?search=Témoin",
        f"{api}?search=Pau",
        f"{api}?id={world.pau_page.pk}",
        f"{api}?type=projects.ProjectPage&limit=20",
        f"{api}?type=projects.ProjectPage&offset=20",
        f"{api}?child_of=abc",
        f"{api}?child_of=" + "9" * 30,
        f"{api}?descendant_of=-1&order=nope",
        f"{api}?search=%00&search_operator=nope",
        f"{api}?fields=*&limit=abc",
        f"{api}abc/",
        f"{api}{'9' * 30}/",
    ]
    for role, user in world.users.items():
        http.force_login(user)
        for url in refused:
            response = http.get(url)
            assert response.status_code in (400, 404), (role, url, response.status_code)
            assert not pau_shown(body(response)), (role, url)
        for url in listings:
            response = http.get(url)
            assert response.status_code < 500, (role, url, response.status_code)
            assert not pau_shown(body(response)), (role, url)
        own = http.get(f"{api}{world.own_page.pk}/")
        assert own.status_code == 200 and "Témoin Var" in body(own)
        roots = json.loads(http.get(f"{api}?child_of=1").content)["items"]
        assert {item["id"] for item in roots} == {
            world.var.home.pk,
            world.var.home.get_translation(world.english).pk,
        }
