"""The isolation matrix: an editor of one territory reaches nothing of another.

Real territory accounts (in the groups create_territory made) walk every kind of admin URL
over HTTP, against the other territory's objects (refused, or absent from listings) and
against their own (served, and present in listings).
"""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.models import ContentPage
from irritants.models import CallForIrritantsPage, Irritant, IrritantAttachment
from projects.models import ProjectPage
from territories.members import invite
from territories.models import Invitation, Territory, TerritorySettings
from tests.accounts import user_in

pytestmark = pytest.mark.django_db

# URLs that address one object: refused for the other territory, served for one's own.
DIRECT_URLS = {
    "page": [
        "/admin/pages/{page}/",
        "/admin/pages/{page}/edit/",
        "/admin/pages/{page}/history/",
        "/admin/pages/{page}/revisions/{revision}/view/",
        "/admin/pages/{page}/revisions/compare/earliest...{revision}/",
        "/admin/pages/{page}/usage/",
        "/admin/pages/{page}/workflow_history/",
        "/admin/pages/{page}/view_draft/",
        "/admin/pages/{page}/unpublish/",
        "/admin/pages/{page}/move/",
        "/admin/pages/{page}/copy/",
        "/admin/pages/{page}/delete/",
        "/admin/pages/{page}/privacy/",
        "/admin/localize/submit/page/{page}/",
        "/admin/bulk/wagtailcore/page/delete/?id={page}",
        "/admin/bulk/wagtailcore/page/unpublish/?id={page}",
        "/admin/bulk/wagtailcore/page/move/?id={page}",
    ],
    "section": [
        "/admin/pages/{section}/",
        "/admin/pages/{section}/add_subpage/",
        "/admin/pages/add/projects/projectpage/{section}/",
        "/admin/choose-page/{section}/",
    ],
    "translation": [
        "/admin/pages/{translation}/edit/",  # wagtail-localize's translation editor
        "/admin/pages/{translation}/history/",
        "/admin/localize/translate/{translation_record}/pofile/download/",
        "/admin/localize/translate/{translation_record}/preview/",
        "/admin/localize/update/{translation_source}/",
        "/admin/localize/page/{translation}/convert_to_alias/",
        "/admin/territories/translations/{translation}/submit/",  # to the territory's review
    ],
    "image": [
        "/admin/images/{image}/",
        "/admin/images/{image}/delete/",
        "/admin/images/usage/{image}/",
        "/admin/images/chooser/chosen/{image}/",
        "/admin/bulk/wagtailimages/image/delete/?id={image}",
        "/admin/bulk/wagtailimages/image/add_to_collection/?id={image}",
    ],
    "document": [
        "/admin/documents/edit/{document}/",
        "/admin/documents/delete/{document}/",
        "/admin/documents/usage/{document}/",
        "/admin/documents/chooser/chosen/{document}/",
        "/admin/bulk/wagtaildocs/document/delete/?id={document}",
    ],
    "site settings": [
        "/admin/settings/territories/territorysettings/{site}/",
    ],
    "irritant": [
        "/admin/irritants/edit/{irritant}/",
        "/admin/irritants/delete/{irritant}/",
        "/admin/irritants/history/{irritant}/",
        "/admin/irritants/usage/{irritant}/",
        "/admin/irritants/create-project/{irritant}/",
        "/admin/irritants/attachment/{attachment}/",
    ],
    # Reusing a project that a third territory offers: only into one's own projects index.
    "reuse destination": [
        "/admin/reuse-project/{shareable}/?into={section}",
    ],
    # The « Comptes » screens (served to one's own Administration role only).
    "accounts": [
        "/admin/territory-accounts/{territory}/",
        "/admin/territory-accounts/{territory}/invite/",
        "/admin/territory-accounts/{territory}/{author}/roles/",
        "/admin/territory-accounts/{territory}/{author}/deactivate/",
        "/admin/territory-accounts/{territory}/{author}/reactivate/",
        "/admin/territory-accounts/{territory}/invitations/{invitation}/cancel/",
    ],
}

# Kinds that one's own Administration role is served (the others, one's publisher).
ADMINISTRATION_KINDS = {"accounts"}

# One's own territory in the URL, the other's account or invitation: refused too.
ACROSS_URLS = [
    "/admin/territory-accounts/{own_territory}/{author}/roles/",
    "/admin/territory-accounts/{own_territory}/{author}/deactivate/",
    "/admin/territory-accounts/{own_territory}/{author}/reactivate/",
    "/admin/territory-accounts/{own_territory}/invitations/{invitation}/cancel/",
]

# Listings and searches: the other territory's marker never shows, one's own does.
LISTING_URLS = {
    "page": [
        "/admin/pages/search/?q=Témoin",
        "/admin/choose-page/search/?q=Témoin",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/",
    ],
    "territory": [
        "/admin/pages/",
        "/admin/choose-page/",
        "/admin/localize/reports/translations/",
    ],
    # "Select all" in a bulk action gathers only the territory's own media.
    "image": [
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/bulk/wagtailimages/image/delete/?id=all",
    ],
    "document": [
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/bulk/wagtaildocs/document/delete/?id=all",
    ],
    "irritant": [
        "/admin/irritants/",
        "/admin/irritants/results/",
        "/admin/irritants/?q=Témoin",
        "/admin/irritants/?export=csv",
    ],
}

# What other territories chose to offer to the network (published projects marked
# shareable) is listed for everyone; nothing else of theirs may show there.
OFFER_LISTING_URLS = ["/admin/reuse-project/"]


# Network-wide summaries: refused to every territory account.
NETWORK_ONLY_URLS = [
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
    "/admin/territories/",
    "/admin/locales/",
]

# wagtail-localize's actions (submit, import, publish, update, stop, convert): refused on the
# other territory's objects and leaving them unchanged, accepted on one's own. In this order,
# so that each action on one's own objects still finds them in the state it expects. (Without
# a "next" address, some of these views redirect to the dashboard, as a refusal does.)
ACTION_URLS = [
    ("/admin/localize/submit/page/{section}/", "submit"),
    ("/admin/localize/translate/{translation_record}/pofile/upload/?next=/admin/pages/", "po_file"),
    ("/admin/localize/translate/{translation_record}/strings/{segment}/edit/", "string"),
    ("/admin/pages/{translation}/edit/", "publish"),
    ("/admin/localize/update/{translation_source}/", "update"),
    ("/admin/localize/translate/{translation_record}/disable/?next=/admin/pages/", "nothing"),
    ("/admin/localize/page/{translation}/convert_to_alias/", "nothing"),
]


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="temoin.png")


class TerritoryObjects:
    """One object of each kind in a territory, with a marker title to look for."""

    def __init__(self, territory, author, english):
        self.territory = territory
        self.author = author
        label = territory.slug.capitalize()
        self.marker = f"Témoin {label}"
        page = ProjectPage.objects.descendant_of(territory.home).first()
        self.section = page.get_parent()
        page.title = self.marker
        revision = page.save_revision(user=author)
        revision.publish(user=author)
        page.save_revision(user=author, log_action=True)  # a draft for the history
        page.refresh_from_db()
        page.locked, page.locked_by, page.locked_at = True, author, timezone.now()
        page.save(update_fields=["locked", "locked_by", "locked_at"])
        self.page = page
        self.revision = revision
        # Pending moderation, for the workflow reports and dashboard panels.
        about = ContentPage.objects.child_of(territory.home).get(slug="a-propos")
        about.title = f"{self.marker} en relecture"
        about.save_revision(user=author)
        self.about = about
        self.task_state = territory.workflow.start(about, author).current_task_state
        # A translation, made through wagtail-localize.
        translate_object(page, [english])
        self.translation = page.get_translation(english)
        self.translation_record = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        )
        self.image = Image.objects.create(
            title=self.marker, file=png(), collection=territory.collection
        )
        self.document = Document.objects.create(
            title=self.marker,
            file=ContentFile(b"%PDF-1.4 temoin", name="temoin.pdf"),
            collection=territory.collection,
        )
        call = CallForIrritantsPage.objects.descendant_of(territory.home).first()
        self.irritant = Irritant.objects.create(
            territory=territory,
            call=call,
            title=self.marker,
            problem="Un problème témoin",
            consequences="Des conséquences",
            people_affected="Tous",
            service=f"Service {self.marker}",
            submitter_name="Agent témoin",
            submitter_email="agent@example.org",
            submitter_service="Service",
            consent_at=timezone.now(),
        )
        self.attachment = IrritantAttachment.objects.create(
            irritant=self.irritant, file=ContentFile(b"%PDF-1.4 temoin", name="temoin.pdf")
        )
        # An entry in the site history, which must stay within the territory.
        log(instance=self.irritant, action="wagtail.edit", user=author)
        # A pending invitation, for the accounts screens.
        self.invitation = invite(
            territory, f"invitee-{territory.slug}@example.org", ["editing"], invited_by=author
        )

    def ids(self):
        return dict(
            page=self.page.pk,
            revision=self.revision.pk,
            section=self.section.pk,
            section_alias=self.section.get_translation(self.translation.locale).pk,
            about=self.about.pk,
            task_state=self.task_state.pk,
            translation=self.translation.pk,
            image=self.image.pk,
            document=self.document.pk,
            collection=self.territory.collection_id,
            site=self.territory.site_id,
            irritant=self.irritant.pk,
            attachment=self.attachment.pk,
            workflow=self.territory.workflow_id,
            task=self.territory.workflow.tasks.first().pk,
            publishers=self.territory.publishers_id,
            author=self.author.pk,
            territory=self.territory.pk,
            invitation=self.invitation.pk,
        )

    def url(self, template):
        return template.format(
            page=self.page.pk,
            revision=self.revision.pk,
            section=self.section.pk,
            translation=self.translation.pk,
            translation_record=self.translation_record.pk,
            translation_source=self.translation_record.source_id,
            segment=self.translation_record.source.stringsegment_set.first().pk,
            image=self.image.pk,
            document=self.document.pk,
            site=self.territory.site_id,
            irritant=self.irritant.pk,
            attachment=self.attachment.pk,
            shareable=ProjectPage.objects.get(slug="lapins", shareable=True).pk,
            territory=self.territory.pk,
            author=self.author.pk,
            invitation=self.invitation.pk,
        )


def cross_ids(own, other):
    """The other territory's ids, and one's own as ``own_…``."""
    return {
        **other.ids(),
        **{f"own_{key}": value for key, value in own.ids().items()},
        "shareable": ProjectPage.objects.get(slug="lapins", shareable=True).pk,
        "english": other.translation.locale_id,
    }


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    english = Locale.objects.get(language_code="en")
    var, pau = Territory.objects.get(slug="var"), Territory.objects.get(slug="pau")
    users = {
        "editor": user_in(var.editors, "redaction-var-test"),
        "publisher": user_in(var.publishers, "publication-var-test"),
        "administrator": user_in(var.administrators, "administration-var-test"),
    }
    pau_publisher = user_in(pau.publishers, "publication-pau-test")
    with django_capture_on_commit_callbacks(execute=True):
        own = TerritoryObjects(var, users["publisher"], english)
        other = TerritoryObjects(pau, pau_publisher, english)
    return users, own, other


def text(response):
    """The HTML a response shows, also when a chooser wraps it in JSON, or an export's text."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    if response.get("Content-Type", "").startswith("application/json"):
        return json.loads(response.content).get("html", "")
    return response.content.decode()


def served(response):
    if response.status_code == 200:
        return True
    # "Add a subpage" goes straight to the form when only one page type is allowed.
    return response.status_code == 302 and response["Location"].startswith("/admin/pages/add/")


def refused(response):
    if response.status_code in (403, 404):
        return True
    # Wagtail answers a permission refusal with a redirect to the dashboard.
    return response.status_code == 302 and response["Location"].rstrip("/") == "/admin"


def test_isolation_matrix(client, world, capsys):
    users, own, other = world
    direct = [(kind, url) for kind, urls in DIRECT_URLS.items() for url in urls]
    listings = [(kind, url) for kind, urls in LISTING_URLS.items() for url in urls]
    leaks, failures = [], []

    for role, user in users.items():
        client.force_login(user)
        for kind, template in direct:
            response = client.get(other.url(template))
            if not refused(response):
                leaks.append(
                    f"{role} reached Pau's {kind}: {other.url(template)} → {response.status_code}"
                )
        for url in NETWORK_ONLY_URLS:
            response = client.get(url)
            if not refused(response):
                leaks.append(f"{role} reached the network-wide {url} → {response.status_code}")
        for kind, url in listings:
            response = client.get(url)
            body = text(response)
            if response.status_code == 200 and other.marker in body:
                leaks.append(f"{role} saw Pau's {kind} in {url}")
            if response.status_code == 200 and other.author.username in body:
                leaks.append(f"{role} saw Pau's editor in {url}")
            if response.status_code == 200 and "Pau Béarn" in body:
                at = body.index("Pau Béarn")
                leaks.append(f"{role} saw Pau's territory in {url}: {body[at - 80 : at + 40]!r}")
        for url in OFFER_LISTING_URLS:
            body = text(client.get(url))
            if other.marker in body or other.author.username in body:
                leaks.append(f"{role} saw Pau's unshared project or editor in {url}")
        for template in ACROSS_URLS:
            url = template.format(**cross_ids(own, other))
            response = client.get(url)
            if not refused(response):
                leaks.append(f"{role} reached Pau's account: {url} → {response.status_code}")
        own_accounts = client.get(f"/admin/territory-accounts/{own.territory.pk}/")
        if role == "administrator":
            body = text(own_accounts)
            for trace in (other.author.username, other.invitation.email, "Pau Béarn"):
                if trace in body:
                    leaks.append(f"{role} saw {trace} in the territory's accounts")

    client.force_login(users["publisher"])
    menu = client.get("/admin/").content.decode()
    assert "page-types-usage" not in menu and "locked" in menu  # the reports menu, trimmed

    # One's own objects are served (checked with the publisher, who holds every right but
    # the accounts', and with the administrator for those).
    for kind, template in direct:
        role = "administrator" if kind in ADMINISTRATION_KINDS else "publisher"
        client.force_login(users[role])
        response = client.get(own.url(template))
        if not served(response):
            failures.append(f"own {kind}: {own.url(template)} → {response.status_code}")
    client.force_login(users["publisher"])
    for kind, url in listings:
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"own listing {url} → {response.status_code}")
        elif kind != "territory" and own.marker not in text(response):
            failures.append(f"own {kind} missing from {url}")
    for url in OFFER_LISTING_URLS:
        if client.get(url).status_code != 200:
            failures.append(f"own listing {url} refused")

    size = (
        len(direct)
        + len(listings)
        + len(OFFER_LISTING_URLS)
        + len(NETWORK_ONLY_URLS)
        + len(ACROSS_URLS)
    ) * len(users)
    with capsys.disabled():
        print(
            f"\nisolation matrix: {len(direct)} object URLs + {len(listings)} listings "
            f"+ {len(OFFER_LISTING_URLS)} listing of offered projects "
            f"+ {len(NETWORK_ONLY_URLS)} network-wide URLs "
            f"+ {len(ACROSS_URLS)} of one's accounts screens with Pau's ids, "
            f"{len(DIRECT_URLS)} object kinds, × {len(users)} roles × 2 territories "
            f"= {size * 2} requests"
        )
    assert not leaks, "\n".join(leaks)
    assert not failures, "\n".join(failures)


def test_the_network_group_and_superusers_see_every_territory(client, admin_client, world):
    _users, own, other = world
    network = user_in(Group.objects.get(name="Réseau"), "reseau-test")
    client.force_login(network)
    for http in (client, admin_client):
        for objects in (own, other):
            assert http.get(objects.url("/admin/pages/{page}/edit/")).status_code == 200
            assert http.get(objects.url("/admin/images/{image}/")).status_code == 200
        assert "page-types-usage" in http.get("/admin/").content.decode()
    assert admin_client.get("/admin/reports/page-types-usage/").status_code == 200


def post_action(client, objects, template, kind):
    url = objects.url(template)
    if kind == "string":
        return client.put(url, "value=Pirate", content_type="application/x-www-form-urlencoded")
    data = {
        "submit": {"locales": [objects.translation.locale_id]},
        "po_file": {"file": ContentFile(po_file(objects).encode(), name="traduction.po")},
        "publish": {"action": "publish"},  # the translation editor's "Publish"
        "update": {"publish_translations": "on"},
        "nothing": {},
    }[kind]
    return client.post(url, data)


def po_file(objects):
    po = objects.translation_record.export_po()
    for entry in po:
        entry.msgstr = "Pirate"
    return str(po)


def translation_state(objects):
    record = objects.translation_record
    locale = objects.translation.locale
    return {
        # None once the translation is converted back into an alias (the record goes).
        "enabled": Translation.objects.filter(pk=record.pk)
        .values_list("enabled", flat=True)
        .first(),
        "strings": sorted(
            StringTranslation.objects.filter(
                context__object_id=record.source.object_id, locale=locale
            ).values_list("data", flat=True)
        ),
        "page": Page.objects.filter(pk=objects.translation.pk).values_list(
            "title", "alias_of_id", "live", "latest_revision_id"
        )[0],
        "section alias": objects.section.get_translation(locale).alias_of_id,
        "sources": TranslationSource.objects.count(),
    }


def test_translation_actions_on_another_territory_are_refused(client, world):
    users, own, other = world
    for role, user in users.items():
        client.force_login(user)
        before = translation_state(other)
        for template, kind in ACTION_URLS:
            response = post_action(client, other, template, kind)
            assert refused(response), f"{role}: {other.url(template)} → {response.status_code}"
        assert translation_state(other) == before, role

    client.force_login(users["publisher"])
    before = translation_state(own)
    for template, kind in ACTION_URLS:
        response = post_action(client, own, template, kind)
        assert not refused(response), f"own: {own.url(template)} → {response.status_code}"
    after = translation_state(own)
    assert after["section alias"] is None  # the section was submitted for translation
    assert "Pirate" in after["strings"] and "Pirate" not in before["strings"]  # PO imported
    assert not after["enabled"] and after["page"][1] == own.page.pk  # stopped, then an alias


# The POST half: every kind of write, with the other territory's ids in the URL ("url") or
# with one's own URL and the other territory's ids in the body ("body"). Placeholders name
# the other territory's objects; ``own_…`` names one's own. Bodies are what a hand-made
# request would send; refusal must not depend on them being complete.
API = "/admin/api/main/pages/{page}/action/"
POST_ACTIONS = [
    # Pages
    ("page", "url", "/admin/pages/{page}/edit/", {"title": "Pirate", "action-publish": "1"}),
    ("page", "url", "/admin/pages/{page}/edit/", {"title": "Pirate", "slug": "pirate"}),
    ("page", "url", "/admin/pages/{page}/edit/preview/", {"title": "Pirate"}),
    ("page", "url", "/admin/pages/{page}/delete/", {}),
    ("page", "url", "/admin/pages/{page}/unpublish/", {"include_descendants": "on"}),
    ("page", "url", "/admin/pages/{page}/move/{own_section}/confirm/", {}),
    (
        "page",
        "url",
        "/admin/pages/{page}/copy/",
        {"new_title": "Pirate", "new_slug": "pirate", "new_parent_page": "{own_section}"},
    ),
    (
        "page",
        "url",
        "/admin/pages/{page}/privacy/",
        {"restriction_type": "password", "password": "x"},
    ),
    ("page", "url", "/admin/pages/{page}/lock/", {}),
    ("page", "url", "/admin/pages/{page}/unlock/", {}),
    ("page", "url", "/admin/pages/{page}/revisions/{revision}/revert/", {}),
    ("page", "url", "/admin/pages/{page}/revisions/{revision}/unschedule/", {}),
    ("page", "url", "/admin/pages/{page}/set_position/?position=0", {}),
    ("page", "url", "/admin/pages/{section_alias}/convert_alias/", {}),
    ("page", "url", "/admin/localize/submit/page/{page}/", {"locales": ["{english}"]}),
    ("page", "url", "/admin/territories/translations/{translation}/submit/", {}),
    ("workflow", "url", "/admin/pages/workflow/action/{about}/approve/{task_state}/", {}),
    ("workflow", "url", "/admin/pages/workflow/action/{about}/reject/{task_state}/", {}),
    ("workflow", "url", "/admin/pages/workflow/confirm_cancellation/{about}/", {}),
    ("workflow", "url", "/admin/pages/{about}/edit/", {"action-cancel-workflow": "1"}),
    ("page", "url", "/admin/bulk/wagtailcore/page/delete/?id={page}", {}),
    ("page", "url", "/admin/bulk/wagtailcore/page/unpublish/?id={page}", {}),
    ("page", "url", "/admin/bulk/wagtailcore/page/publish/?id={page}", {}),
    (
        "page",
        "url",
        "/admin/bulk/wagtailcore/page/move/?id={page}",
        {"chooser": "{own_section}", "move_applicable": "on"},
    ),
    ("page", "url", "/admin/bulk/wagtailcore/page/delete/?id=all&childOf={section}", {}),
    ("page", "url", "/admin/bulk/wagtailcore/page/publish/?id=all&childOf={section}", {}),
    ("page", "api", API + "publish/", {}),
    ("page", "api", API + "unpublish/", {}),
    ("page", "api", API + "delete/", {}),
    ("page", "api", API + "copy/", {"destination_page_id": "{own_section}"}),
    ("page", "api", API + "move/", {"destination_page_id": "{own_section}"}),
    ("page", "api", API + "create_alias/", {"destination_page_id": "{own_section}"}),
    ("page", "api", API + "copy_for_translation/", {"locale": "en"}),
    ("page", "api", API + "revert_to_page_revision/", {"revision_id": "{revision}"}),
    ("page", "api", "/admin/api/main/pages/{section_alias}/action/convert_alias/", {}),
    # Sections: creating, moving or copying into the other territory's tree
    (
        "section",
        "url",
        "/admin/pages/add/projects/projectpage/{section}/",
        {"title": "Pirate", "slug": "pirate", "action-publish": "1"},
    ),
    ("section", "url", "/admin/pages/add/projects/projectpage/{section}/preview/", {"title": "P"}),
    ("section", "url", "/admin/pages/{own_page}/move/{section}/confirm/", {}),
    (
        "section",
        "body",
        "/admin/pages/{own_page}/copy/",
        {"new_title": "Pirate", "new_slug": "pirate", "new_parent_page": "{section}"},
    ),
    (
        "section",
        "body",
        "/admin/api/main/pages/{own_page}/action/copy/",
        {"destination_page_id": "{section}"},
    ),
    (
        "section",
        "body",
        "/admin/api/main/pages/{own_page}/action/move/",
        {"destination_page_id": "{section}"},
    ),
    (
        "section",
        "body",
        "/admin/api/main/pages/{own_page}/action/create_alias/",
        {"destination_page_id": "{section}"},
    ),
    (
        "section",
        "body",
        "/admin/bulk/wagtailcore/page/move/?id={own_page}",
        {"chooser": "{section}", "move_applicable": "on"},
    ),
    ("section", "url", "/admin/reuse-project/{shareable}/?into={section}", {"into": "{section}"}),
    (
        "section",
        "body",
        "/admin/reuse-project/{shareable}/?into={own_section}",
        {"into": "{section}"},
    ),
    # Images
    (
        "image",
        "url",
        "/admin/images/{image}/",
        {"title": "Pirate", "collection": "{own_collection}"},
    ),
    ("image", "url", "/admin/images/{image}/delete/", {}),
    ("image", "url", "/admin/bulk/wagtailimages/image/delete/?id={image}", {}),
    (
        "image",
        "url",
        "/admin/bulk/wagtailimages/image/add_to_collection/?id={image}",
        {"collection": "{own_collection}"},
    ),
    ("image", "url", "/admin/bulk/wagtailimages/image/add_tags/?id={image}", {"tags": "pirate"}),
    (
        "image",
        "body",
        "/admin/bulk/wagtailimages/image/add_to_collection/?id={own_image}",
        {"collection": "{collection}"},
    ),
    (
        "image",
        "body",
        "/admin/images/{own_image}/",
        {"title": "Pirate", "collection": "{collection}"},
    ),
    (
        "image",
        "body",
        "/admin/images/add/",
        {"title": "Pirate", "file": "<png>", "collection": "{collection}"},
    ),
    (
        "image",
        "body",
        "/admin/images/multiple/add/",
        {"files[]": "<png>", "collection": "{collection}"},
    ),
    (
        "image",
        "body",
        "/admin/images/chooser/upload/",
        {
            "image-chooser-upload-title": "Pirate",
            "image-chooser-upload-file": "<png>",
            "image-chooser-upload-collection": "{collection}",
        },
    ),
    # Documents
    ("document", "url", "/admin/documents/edit/{document}/", {"title": "Pirate"}),
    ("document", "url", "/admin/documents/delete/{document}/", {}),
    ("document", "url", "/admin/bulk/wagtaildocs/document/delete/?id={document}", {}),
    (
        "document",
        "url",
        "/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}",
        {"collection": "{own_collection}"},
    ),
    ("document", "url", "/admin/bulk/wagtaildocs/document/add_tags/?id={document}", {"tags": "p"}),
    (
        "document",
        "body",
        "/admin/bulk/wagtaildocs/document/add_to_collection/?id={own_document}",
        {"collection": "{collection}"},
    ),
    (
        "document",
        "body",
        "/admin/documents/edit/{own_document}/",
        {"title": "Pirate", "collection": "{collection}"},
    ),
    (
        "document",
        "body",
        "/admin/documents/add/",
        {"title": "Pirate", "file": "<pdf>", "collection": "{collection}"},
    ),
    (
        "document",
        "body",
        "/admin/documents/multiple/add/",
        {"files[]": "<pdf>", "collection": "{collection}"},
    ),
    (
        "document",
        "body",
        "/admin/documents/chooser/upload/",
        {
            "document-chooser-upload-title": "Pirate",
            "document-chooser-upload-file": "<pdf>",
            "document-chooser-upload-collection": "{collection}",
        },
    ),
    # Collections
    ("collection", "url", "/admin/collections/{collection}/", {"name": "Pirate", "parent": "1"}),
    ("collection", "url", "/admin/collections/{collection}/delete/", {}),
    ("collection", "body", "/admin/collections/add/", {"name": "Pirate", "parent": "{collection}"}),
    # The site's identity
    (
        "site settings",
        "url",
        "/admin/settings/territories/territorysettings/{site}/",
        {"display_name": "Pirate", "primary_color": "#000091"},
    ),
    # Irritants
    (
        "irritant",
        "url",
        "/admin/irritants/edit/{irritant}/",
        {"status": "rejected", "public_answer": "Pirate", "title": "Pirate"},
    ),
    ("irritant", "url", "/admin/irritants/delete/{irritant}/", {}),
    ("irritant", "url", "/admin/irritants/create-project/{irritant}/", {}),
    # Workflows, groups and accounts
    ("workflow", "url", "/admin/workflows/edit/{workflow}/", {"name": "Pirate"}),
    ("workflow", "url", "/admin/workflows/disable/{workflow}/", {}),
    (
        "workflow",
        "url",
        "/admin/workflows/tasks/edit/{task}/",
        {"name": "Pirate", "groups": ["{own_publishers}"]},
    ),
    ("workflow", "url", "/admin/workflows/tasks/disable/{task}/", {}),
    ("account", "url", "/admin/groups/edit/{publishers}/", {"name": "Pirate"}),
    ("account", "url", "/admin/groups/delete/{publishers}/", {}),
    ("account", "url", "/admin/users/edit/{author}/", {"username": "pirate", "is_active": ""}),
    ("account", "url", "/admin/users/delete/{author}/", {}),
    ("account", "url", "/admin/bulk/auth/user/set_active/?id={author}", {"mark_as_active": ""}),
    (
        "account",
        "body",
        "/admin/users/new/",
        {
            "username": "pirate",
            "email": "pirate@example.org",
            "first_name": "P",
            "last_name": "P",
            "password1": "Pirate-2026-x",
            "password2": "Pirate-2026-x",
            "groups": ["{publishers}"],
        },
    ),
    # The « Comptes » screens: the other territory's, or one's own with its accounts and
    # invitations, or one's own with its ids (groups, accounts, flags) slipped into the body.
    (
        "account",
        "url",
        "/admin/territory-accounts/{territory}/{author}/roles/",
        {"roles": ["editing"]},
    ),
    ("account", "url", "/admin/territory-accounts/{territory}/{author}/deactivate/", {}),
    ("account", "url", "/admin/territory-accounts/{territory}/{author}/reactivate/", {}),
    (
        "account",
        "url",
        "/admin/territory-accounts/{territory}/invite/",
        {"email": "pirate@example.org", "roles": ["administration"]},
    ),
    (
        "account",
        "url",
        "/admin/territory-accounts/{territory}/invitations/{invitation}/cancel/",
        {},
    ),
    (
        "account",
        "url",
        "/admin/territory-accounts/{own_territory}/{author}/roles/",
        {"roles": ["editing"]},
    ),
    ("account", "url", "/admin/territory-accounts/{own_territory}/{author}/deactivate/", {}),
    ("account", "url", "/admin/territory-accounts/{own_territory}/{author}/reactivate/", {}),
    (
        "account",
        "url",
        "/admin/territory-accounts/{own_territory}/invitations/{invitation}/cancel/",
        {},
    ),
    (
        "account",
        "body",
        "/admin/territory-accounts/{own_territory}/{own_author}/roles/",
        {
            "roles": ["publishing", "administration"],
            "groups": ["{publishers}"],
            "user": "{author}",
            "territory": "{territory}",
            "is_superuser": "on",
            "is_staff": "on",
        },
    ),
    (
        "account",
        "body",
        "/admin/territory-accounts/{own_territory}/invite/",
        {
            "email": "pirate@example.org",
            "roles": ["editing"],
            "territory": "{territory}",
            "groups": ["{publishers}"],
        },
    ),
]


def fill(value, ids):
    if isinstance(value, list):
        return [fill(item, ids) for item in value]
    if value == "<png>":
        return png()
    if value == "<pdf>":
        return ContentFile(b"%PDF-1.4 pirate", name="pirate.pdf")
    return value.format(**ids)


def send(client, kind, template, body, ids):
    url = template.format(**ids)
    data = {key: fill(value, ids) for key, value in body.items()}
    if kind == "api":
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


def database_state(*territories):
    """What a write could change, in both territories and in what they share."""
    state = {
        "counts": {
            model.__name__: model.objects.count()
            for model in (
                Page,
                Revision,
                PageViewRestriction,
                Image,
                Document,
                Collection,
                Irritant,
                WorkflowState,
                TaskState,
                GroupPagePermission,
                Group,
                get_user_model(),
                Translation,
            )
        },
        "users": list(
            get_user_model()
            .objects.order_by("pk")
            .values_list("username", "is_active", "is_superuser", "is_staff")
        ),
        # Memberships of every group but the two territories' own (compared per territory).
        "memberships": list(
            get_user_model()
            .groups.through.objects.exclude(
                group__in=[
                    group for territory in territories for group in territory.role_groups().values()
                ]
            )
            .order_by("pk")
            .values_list("user_id", "group_id")
        ),
        "groups": list(Group.objects.order_by("pk").values_list("name", flat=True)),
        "workflows": list(Workflow.objects.order_by("pk").values_list("name", "active")),
        "tasks": list(
            GroupApprovalTask.objects.order_by("pk").values_list("name", "active", "groups")
        ),
        "collections": list(Collection.objects.order_by("path").values_list("name", "path")),
        "restrictions": list(PageViewRestriction.objects.values_list("page_id", "password")),
    }
    for territory in territories:
        state[territory.slug] = {
            "pages": list(
                territory.pages()
                .order_by("path")
                .values_list(
                    "pk",
                    "title",
                    "draft_title",
                    "slug",
                    "path",
                    "live",
                    "live_revision_id",
                    "latest_revision_id",
                    "locked",
                    "alias_of_id",
                )
            ),
            "images": list(
                Image.objects.filter(collection=territory.collection)
                .order_by("pk")
                .values_list("pk", "title", "file")
            ),
            "documents": list(
                Document.objects.filter(collection=territory.collection)
                .order_by("pk")
                .values_list("pk", "title", "file")
            ),
            "irritants": list(Irritant.objects.filter(territory=territory).order_by("pk").values()),
            "identity": list(TerritorySettings.objects.filter(site=territory.site_id).values()),
            "members": sorted(
                get_user_model()
                .groups.through.objects.filter(group__in=territory.role_groups().values())
                .values_list("user_id", "group_id")
            ),
            "invitations": list(
                Invitation.objects.filter(territory=territory)
                .order_by("pk")
                .values_list("email", "roles", "accepted_at", "cancelled_at")
            ),
        }
    return state


def test_isolation_matrix_post(client, world, capsys):
    """Every write of the list, by both roles of the Var, against the Pau: refused (or, with
    only the body pointing at Pau, not carried out) and the database unchanged."""
    users, own, other = world
    ids = cross_ids(own, other)
    leaks, checks = [], 0
    for role, user in users.items():
        client.force_login(user)
        for kind, way, template, body in POST_ACTIONS:
            before = database_state(own.territory, other.territory)
            response = send(client, way, template, body, ids)
            where = f"{role} {kind} {way}: POST {template.format(**ids)}"
            checks += 1
            if response.status_code >= 500:
                leaks.append(f"{where} → {response.status_code}")
            elif way in ("url", "api") and not refused_write(response):
                leaks.append(f"{where} → {response.status_code} (not refused)")
            elif response.status_code == 200 and other.marker in text(response):
                leaks.append(f"{where} showed Pau's marker")
            after = database_state(own.territory, other.territory)
            if way == "body":
                # Wagtail may carry out the write on one's own side, ignoring the foreign id
                # (an upload lands in one's only collection): only Pau's side must not move.
                for state in (before, after):
                    del state[own.territory.slug], state["counts"]
            if after != before:
                changed = [key for key in before if before[key] != after[key]]
                leaks.append(f"{where} changed the database: {changed}")
    with capsys.disabled():
        print(
            f"\nisolation matrix, POST: {len(POST_ACTIONS)} writes "
            f"({sum(way != 'body' for _k, way, _t, _b in POST_ACTIONS)} with Pau's ids in the "
            f"URL, the rest in the body) × {len(users)} roles = {checks} POST checks, each "
            "with the database compared before and after"
        )
    assert checks >= 150
    assert not leaks, "\n".join(leaks)


def refused_write(response):
    # The admin API answers 403 or 404 (400 when the page may not even be named).
    return refused(response) or response.status_code == 400
