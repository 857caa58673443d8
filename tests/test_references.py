"""References checked on the server: what an editor chooses must be their territory's.

The choosers only offer the editor's territory, but a request sent by hand can carry any id.
Each test posts the whole admin form over HTTP as a real territory account, with another
territory's ids in the body, and checks the refusal on the field, and that nothing was saved.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.models import ContentPage
from projects.models import NewsPage, NewsPageProject, ProjectPage
from territories import references
from territories.models import Territory, TerritorySettings
from territories.permissions import apply_network_role

pytestmark = pytest.mark.django_db

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


# Accounts and objects --------------------------------------------------------------------


def territory(slug):
    return Territory.objects.select_related("home", "collection", "site").get(slug=slug)


def sign_in(client, username, group=None, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    if group is not None:
        user.groups.add(group)
    client.force_login(user)
    return user


@pytest.fixture
def pau_document(pau):
    return Document.objects.create(
        title="Compte rendu interne de Pau",
        file=ContentFile(b"%PDF-1.4 pau", name="pau.pdf"),
        collection=pau.collection,
    )


@pytest.fixture
def var_document(var):
    return Document.objects.create(
        title="Bilan du Var",
        file=ContentFile(b"%PDF-1.4 var", name="var.pdf"),
        collection=var.collection,
    )


def logo_of(territory):
    return TerritorySettings.for_site(territory.site).logo


@pytest.fixture
def pau_draft(pau, django_capture_on_commit_callbacks):
    """A page Pau has written and not published."""
    with django_capture_on_commit_callbacks(execute=True):
        page = pau.home.add_child(
            instance=ContentPage(title="Projet secret de Pau", slug="projet-secret", live=False)
        )
        page.save_revision()
    return page


def project_of(territory):
    return ProjectPage.objects.descendant_of(territory.home).live().first()


def about_page(territory):
    return ContentPage.objects.child_of(territory.home).get(slug="a-propos")


def news_of(territory):
    return NewsPage.objects.descendant_of(territory.home).first()


# Form payloads ---------------------------------------------------------------------------


def page_form(client, page, **changes):
    """The edit form of ``page`` as the browser sends it, with ``changes`` applied.

    Simple fields and inline panels come from the rendered form; the StreamFields, which
    the browser builds in JavaScript, are given in ``changes`` (as nested_form_data input).
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    sent = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: values for key, values in sent.lists() if "__prefix__" not in key}
    data.update(nested_form_data(changes))
    return data


def key_figures(home):
    return streamfield([(child.block_type, dict(child.value)) for child in home.key_figures])


def document_block(document):
    return ("document", {"document": document.pk, "label": ""})


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "Une image", "decorative": ""})


def call_to_action(page):
    return (
        "call_to_action",
        {"text": "En savoir plus", "description": "", "page": page.pk, "url": ""},
    )


def paragraph(html):
    return ("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))


def settings_url(territory):
    return f"/admin/settings/territories/territorysettings/{territory.site_id}/"


def settings_form(client, territory, footer_links=None, **changes):
    """The identity form of ``territory``'s site as the browser sends it."""
    url = settings_url(territory)
    form = client.get(url).context["form"]
    data = {
        name: form.initial[name]
        for name in (
            "display_name",
            "primary_color",
            "contact_email",
            "footer_text",
            "irritant_retention_months",
        )
    }
    current = TerritorySettings.for_site(territory.site)
    data["logo"] = current.logo_id or ""
    if footer_links is None:
        footer_links = [(child.block_type, dict(child.value)) for child in current.footer_links]
        footer_links = [
            (kind, {**value, "page": value["page"].pk if value["page"] else ""})
            for kind, value in footer_links
        ]
    data.update(changes)
    data.update(
        nested_form_data(
            {
                "social_links": streamfield([]),
                "footer_links": streamfield(footer_links),
                "translations": inline_formset([]),
            }
        )
    )
    return data


# What the answer shows -------------------------------------------------------------------


def french(message):
    with translation.override("fr"):
        return str(message)


def block_messages(data):
    """Every message in a StreamField error's JSON form."""
    if isinstance(data, list):
        return [message for item in data for message in block_messages(item)]
    if isinstance(data, str):
        return [data]
    messages = list(data.get("messages", []))
    for child in data.get("blockErrors", {}).values():
        messages += block_messages(child)
    return messages


def form_errors(response):
    """The messages of the form the admin sent back, field by field (formsets as
    ``relation-N-field``, StreamField blocks flattened under the field's name)."""
    form = response.context["form"]
    found = {}
    for name, errors in form.errors.as_data().items():
        for error in errors:
            messages = (
                block_messages(error.as_json_data())
                if hasattr(error, "as_json_data")
                else error.messages
            )
            found.setdefault(name, []).extend(messages)
    for relation, formset in getattr(form, "formsets", {}).items():
        for number, child in enumerate(formset.forms):
            for name, messages in child.errors.items():
                found.setdefault(f"{relation}-{number}-{name}", []).extend(messages)
    return found


def refused(response, field, message):
    assert response.status_code == 200, response.get("Location")
    errors = form_errors(response)
    assert french(message) in errors.get(field, []), errors
    return errors


def footer_links_of(territory):
    links = TerritorySettings.for_site(territory.site).footer_links.get_prep_value()
    return json.dumps(links, sort_keys=True)


def page_state(page):
    page.refresh_from_db()
    return (
        page.revisions.count(),
        page.latest_revision_id,
        page.live_revision_id,
        page.live,
        json.dumps(page.specific.body.get_prep_value(), sort_keys=True, default=str)
        if hasattr(page.specific, "body")
        else None,
    )


# Finding 4: a Var page holding Pau's document, image or page ----------------------------


@pytest.mark.parametrize(
    "attack, field",
    [
        ("document block", "body"),
        ("image block", "body"),
        ("document link in text", "body"),
        ("call to action to a draft", "body"),
        ("link in text to a draft", "body"),
    ],
)
def test_a_var_page_cannot_hold_paus_objects(
    client, var, pau, pau_document, pau_draft, attack, field
):
    sign_in(client, "redaction-var", var.editors)
    about = about_page(var)
    pau_image = logo_of(pau)
    blocks = {
        "document block": [document_block(pau_document)],
        "image block": [image_block(pau_image)],
        "document link in text": [
            paragraph(
                f'<p>Voir <a linktype="document" id="{pau_document.pk}">le compte rendu</a></p>'
            )
        ],
        "call to action to a draft": [call_to_action(pau_draft)],
        "link in text to a draft": [
            paragraph(f'<p>Voir <a linktype="page" id="{pau_draft.pk}">la page</a></p>')
        ],
    }[attack]
    before = page_state(about)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/", page_form(client, about, body=streamfield(blocks))
    )

    kind = "page" if "draft" in attack else attack.split()[0]
    refused(response, field, references.MESSAGES[kind])
    assert page_state(about) == before


def test_the_error_points_at_the_block_that_holds_the_reference(client, var, pau_document):
    sign_in(client, "redaction-var", var.editors)
    about = about_page(var)
    blocks = [
        ("heading", {"text": "Documents", "level": "h2"}),
        document_block(pau_document),
    ]

    response = client.post(
        f"/admin/pages/{about.pk}/edit/", page_form(client, about, body=streamfield(blocks))
    )

    [error] = response.context["form"].errors.as_data()["body"]
    assert error.as_json_data() == {
        "blockErrors": {
            1: {
                "blockErrors": {"document": {"messages": [french(references.MESSAGES["document"])]}}
            }
        }
    }


def test_preview_shows_the_invalid_state_not_paus_document(client, var, pau_document):
    sign_in(client, "redaction-var", var.editors)
    about = about_page(var)
    url = f"/admin/pages/{about.pk}/edit/preview/"
    data = page_form(client, about, body=streamfield([document_block(pau_document)]))

    answer = client.post(url, data)
    preview = client.get(url)

    assert answer.json()["is_valid"] is False
    html = preview.content.decode()
    assert pau_document.title not in html and pau_document.url not in html


def test_publishers_cannot_publish_paus_document_either(client, var, pau_document):
    sign_in(client, "publication-var", var.publishers)
    about = about_page(var)
    before = page_state(about)
    data = page_form(client, about, body=streamfield([document_block(pau_document)]))

    response = client.post(f"/admin/pages/{about.pk}/edit/", {**data, "action-publish": "1"})

    refused(response, "body", references.MESSAGES["document"])
    assert page_state(about) == before
    assert (
        pau_document.title
        not in client.get("/a-propos/", HTTP_HOST="var.localhost").content.decode()
    )


def test_a_var_page_holds_var_objects(client, var, var_document):
    sign_in(client, "publication-var", var.publishers)
    about = about_page(var)
    var_image = logo_of(var)
    results = project_of(var)
    blocks = [
        document_block(var_document),
        image_block(var_image),
        call_to_action(results),
        paragraph(
            f'<p><a linktype="document" id="{var_document.pk}">Le bilan</a> et '
            f'<a linktype="page" id="{results.pk}">la suite</a></p>'
        ),
    ]
    data = page_form(client, about, body=streamfield(blocks))

    preview = client.post(f"/admin/pages/{about.pk}/edit/preview/", data)
    response = client.post(f"/admin/pages/{about.pk}/edit/", {**data, "action-publish": "1"})

    assert preview.json()["is_valid"] is True
    assert response.status_code == 302, form_errors(response)
    about.refresh_from_db()
    assert [block.block_type for block in about.body] == [
        "document",
        "image",
        "call_to_action",
        "paragraph",
    ]
    assert (
        var_document.title in client.get("/a-propos/", HTTP_HOST="var.localhost").content.decode()
    )


def test_the_english_tree_is_the_territorys_too(client, var):
    sign_in(client, "redaction-var", var.editors)
    about = about_page(var)
    english_home = var.home.get_translations().get(locale__language_code="en")

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        page_form(client, about, body=streamfield([call_to_action(english_home)])),
    )

    assert response.status_code == 302, form_errors(response)


# Finding 4: Var's identity with Pau's logo or pages -------------------------------------


def test_var_identity_refuses_paus_image_as_logo(client, var, pau):
    sign_in(client, "publication-var", var.publishers)
    var_logo = logo_of(var)

    response = client.post(settings_url(var), settings_form(client, var, logo=logo_of(pau).pk))

    refused(response, "logo", references.MESSAGES["image"])
    assert logo_of(var) == var_logo


def test_var_identity_refuses_a_footer_link_to_paus_draft(client, var, pau_draft):
    sign_in(client, "publication-var", var.publishers)
    before = footer_links_of(var)
    links = [("link", {"label": "Secret", "page": pau_draft.pk, "url": ""})]

    response = client.post(settings_url(var), settings_form(client, var, footer_links=links))

    refused(response, "footer_links", references.MESSAGES["page"])
    assert footer_links_of(var) == before


def test_var_identity_takes_var_images_and_pages(client, var, django_capture_on_commit_callbacks):
    sign_in(client, "publication-var", var.publishers)
    var_logo = logo_of(var)
    about = about_page(var)
    links = [("link", {"label": "À propos", "page": about.pk, "url": ""})]

    response = client.post(
        settings_url(var), settings_form(client, var, footer_links=links, logo=var_logo.pk)
    )

    assert response.status_code == 302, form_errors(response)
    [link] = TerritorySettings.for_site(var.site).footer_links
    assert link.value["page"].pk == about.pk


# Finding 4: highlights and news attached to Pau's projects ------------------------------


def test_var_home_cannot_highlight_a_pau_project(client, var, pau):
    sign_in(client, "publication-var", var.publishers)
    home = var.home
    before = (page_state(home), list(home.highlights.values_list("project_id", flat=True)))
    data = page_form(
        client,
        home,
        key_figures=key_figures(home),
        highlights=inline_formset([{"project": project_of(pau).pk, "id": ""}]),
    )

    response = client.post(f"/admin/pages/{home.pk}/edit/", {**data, "action-publish": "1"})

    refused(response, "highlights-0-project", references.MESSAGES["page"])
    home.refresh_from_db()
    after = (page_state(home), list(home.highlights.values_list("project_id", flat=True)))
    assert after == before


def test_var_home_highlights_a_var_project(client, var):
    sign_in(client, "publication-var", var.publishers)
    home = var.home
    project = project_of(var)
    data = page_form(
        client,
        home,
        key_figures=key_figures(home),
        highlights=inline_formset([{"project": project.pk, "id": ""}]),
    )

    response = client.post(f"/admin/pages/{home.pk}/edit/", {**data, "action-publish": "1"})

    assert response.status_code == 302, form_errors(response)
    assert list(home.highlights.values_list("project_id", flat=True)) == [project.pk]


def news_form(client, news, project):
    return page_form(
        client,
        news,
        body=streamfield([paragraph("<p>Du nouveau.</p>")]),
        related_projects=inline_formset([{"project": project.pk, "id": ""}]),
    )


def test_var_news_cannot_attach_itself_to_a_pau_project(client, var, pau):
    sign_in(client, "publication-var", var.publishers)
    news = news_of(var)
    pau_project = project_of(pau)
    before = page_state(news)

    response = client.post(
        f"/admin/pages/{news.pk}/edit/",
        {**news_form(client, news, pau_project), "action-publish": "1"},
    )

    refused(response, "related_projects-0-project", references.MESSAGES["project"])
    assert page_state(news) == before
    assert not NewsPageProject.objects.filter(project=pau_project, page=news).exists()
    feed = client.get(f"/flux/projets/{pau_project.slug}/rss.xml", HTTP_HOST="pau.localhost")
    assert news.title not in feed.content.decode()


def test_var_news_attaches_itself_to_a_var_project(client, var):
    sign_in(client, "publication-var", var.publishers)
    news = news_of(var)
    project = project_of(var)

    response = client.post(
        f"/admin/pages/{news.pk}/edit/", {**news_form(client, news, project), "action-publish": "1"}
    )

    assert response.status_code == 302, form_errors(response)
    assert list(news.related_projects.values_list("project_id", flat=True)) == [project.pk]


def test_not_even_a_superuser_attaches_var_news_to_a_pau_project(client, var, pau):
    sign_in(client, "root", is_superuser=True, is_staff=True)
    news = news_of(var)
    before = page_state(news)

    response = client.post(
        f"/admin/pages/{news.pk}/edit/",
        {**news_form(client, news, project_of(pau)), "action-publish": "1"},
    )

    refused(response, "related_projects-0-project", references.MESSAGES["project"])
    assert page_state(news) == before


def test_the_news_rule_holds_outside_the_admin(var, pau):
    news = news_of(var).specific
    news.related_projects = [NewsPageProject(project=project_of(pau))]

    with pytest.raises(ValidationError):
        news.full_clean()
    with pytest.raises(ValidationError):
        news.save_revision()


# Superusers and the network group -------------------------------------------------------


def test_superusers_are_not_checked(client, var, pau_document):
    sign_in(client, "root", is_superuser=True, is_staff=True)
    about = about_page(var)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        page_form(client, about, body=streamfield([document_block(pau_document)])),
    )

    assert response.status_code == 302, form_errors(response)


@pytest.fixture
def network_member(client):
    return sign_in(client, "reseau", apply_network_role())


def test_the_network_links_a_territory_to_public_network_content(client, var, pau, network_member):
    about = about_page(var)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        page_form(client, about, body=streamfield([call_to_action(project_of(pau))])),
    )

    assert response.status_code == 302, form_errors(response)


@pytest.mark.parametrize("state", ["draft", "private"])
def test_the_network_cannot_link_a_territory_to_another_territorys_hidden_page(
    client, var, pau, pau_draft, network_member, state
):
    about = about_page(var)
    target = pau_draft
    if state == "private":
        target = project_of(pau)
        PageViewRestriction.objects.create(page=target, restriction_type="login")
    before = page_state(about)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        page_form(client, about, body=streamfield([call_to_action(target)])),
    )

    refused(response, "body", references.NETWORK_MESSAGES["page"])
    assert page_state(about) == before


def test_the_network_links_a_territory_to_its_own_drafts(client, var, network_member):
    about = about_page(var)
    with_draft = ContentPage(title="Brouillon du Var", slug="brouillon-var", live=False)
    var.home.add_child(instance=with_draft)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/",
        page_form(client, about, body=streamfield([call_to_action(with_draft)])),
    )

    assert response.status_code == 302, form_errors(response)


@pytest.mark.parametrize("target", ["999999", "-1"])
def test_a_link_to_no_page_at_all_is_refused_without_failing(client, var, target):
    sign_in(client, "redaction-var", var.editors)
    about = about_page(var)
    before = page_state(about)
    # As a request sent by hand carries it: Draftail's content state, with a link entity.
    link = {"type": "LINK", "mutability": "MUTABLE", "data": {"id": target, "url": "/x/"}}
    text = {
        "key": "a",
        "type": "unstyled",
        "depth": 0,
        "text": "Voir ceci",
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 5, "length": 4, "key": 0}],
        "data": {},
    }
    body = streamfield([("paragraph", json.dumps({"blocks": [text], "entityMap": {"0": link}}))])

    response = client.post(f"/admin/pages/{about.pk}/edit/", page_form(client, about, body=body))

    refused(response, "body", references.MESSAGES["page"])
    assert page_state(about) == before
