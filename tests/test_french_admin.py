"""The admin in French, as a territory's agents use it: no English word, no « région » for a
language, no avatar fetched from gravatar.com.

Each screen is opened over HTTP by a logged-in demo-like account of the Var; its visible text
(text nodes and the labels read aloud: aria-label, title, placeholder, alt; scripts and
styles left out) must hold none of the words below. The JavaScript catalogues (what
Wagtail's and wagtail-localize's scripts show) are checked through their own addresses.
The French wording comes from the project's catalogue of overrides (home/admin_wording.py).
"""

import datetime
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.test import Client
from django.utils.formats import date_format
from wagtail.models import Locale

from home.admin_wording import OVERRIDDEN
from projects.models import NewsIndexPage, ProjectPage
from testing import make_user

pytestmark = pytest.mark.django_db

# What Wagtail and wagtail-localize show untranslated (or call a language a « région »).
ENGLISH = [
    r"\bMore actions\b",
    r"\bRoot\b",
    r"\bLink text\b",
    r"\bPublish in\b",
    r"\btranslation\b",
    r"\bLocales?\b",
    r"\b[Rr]égions\b",
    r"\bRégion :",
    r"\bChanger les régions\b",
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
    r"\bnouvel élément\b",
    r"\bPassword\b",
]
READ_ALOUD = {"aria-label", "title", "placeholder", "alt"}


class VisibleText(HTMLParser):
    """The text a user sees or hears of a page: scripts and styles are not shown."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in READ_ALOUD and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(response):
    content = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        content = json.loads(content).get("html", "")
    parser = VisibleText()
    parser.feed(content)
    return " ".join(" ".join(parser.parts).split())


def english_in(text):
    found = []
    for pattern in ENGLISH:
        found += [
            text[max(match.start() - 30, 0) : match.end() + 30]
            for match in re.finditer(pattern, text)
        ]
    return found


@pytest.fixture
def var_editor(var):
    return make_user(var, "editor")


@pytest.fixture
def var_administrator(var):
    return make_user(var, "administrator")


def login(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def english_on(client, urls):
    """{url: the English found on its screen}, for the screens that show some."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_in(visible_text(response)):
            found[url] = english
    return found


def var_project(var):
    return ProjectPage.objects.descendant_of(var.home).live().order_by("path").first()


@pytest.fixture
def revised_project(var, var_editor):
    """A Var project with two revisions, so that its history lists changes."""
    project = var_project(var)
    project.owner = var_editor
    project.save_revision(user=var_editor)
    project.save_revision(user=var_editor).publish()
    return project


def test_an_editor_s_everyday_screens_are_in_french(var, var_editor, revised_project):
    client = login(var_editor)
    urls = [
        "/admin/",
        f"/admin/pages/{var.home.pk}/",
        f"/admin/pages/{revised_project.get_parent().pk}/",
        f"/admin/pages/{revised_project.pk}/edit/",
        f"/admin/pages/{revised_project.pk}/history/",
        "/admin/pages/{}/revisions/compare/{}...{}/".format(
            revised_project.pk,
            *revised_project.revisions.order_by("pk").values_list("pk", flat=True)[:2],
        ),
        "/admin/account/",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        "/admin/choose-external-link/",
        "/admin/choose-email-link/",
        "/admin/choose-phone-link/",
        "/admin/choose-anchor-link/",
        "/admin/images/",
        "/admin/documents/",
    ]
    assert english_on(client, urls) == {}


def test_the_translation_screens_are_in_french(var, var_editor, admin_client):
    english = Locale.objects.get(language_code="en")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")
    admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [english.pk]})
    translation = news.get_translation(english)
    translation.save_revision().publish()
    client = login(var_editor)

    urls = [
        f"/admin/localize/submit/page/{var_project(var).pk}/",
        f"/admin/pages/{translation.pk}/edit/",
        f"/admin/pages/{news.pk}/edit/",
        f"/admin/pages/{news.pk}/",
    ]
    assert english_on(client, urls) == {}
    assert english_on(admin_client, ["/admin/localize/reports/translations/"]) == {}


def editor_props(response):
    match = re.search(r'data-props="([^"]*)"', response.content.decode())
    return json.loads(unescape(match.group(1)))


def test_the_translation_editor_writes_its_dates_in_french(admin_client, var_editor):
    english = Locale.objects.get(language_code="en")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")
    admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [english.pk]})
    translation = news.get_translation(english)
    translation.save_revision().publish()

    response = login(var_editor).get(f"/admin/pages/{translation.pk}/edit/")

    props = editor_props(response)
    # wagtail-localize writes the live revision's time with "%-d %B %Y" as it is stored, in
    # UTC (its editor's script shows it as it comes): between midnight in Paris and midnight
    # UTC that is the day before Paris's.
    published = translation.specific.live_revision.created_at.astimezone(datetime.UTC)
    assert props["object"]["lastPublishedDate"] == date_format(published, "j F Y")
    assert english_in(json.dumps(props, ensure_ascii=False)) == []
    # What is being translated is left as it is.
    assert props["object"]["title"] == str(translation.specific)


def test_the_translation_editor_s_heading_is_given_in_french(admin_client, var_editor):
    english = Locale.objects.get(language_code="en")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")
    admin_client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [english.pk]})
    translation = news.get_translation(english)

    response = login(var_editor).get(f"/admin/pages/{translation.pk}/edit/")

    # The heading its script writes over the bundle's English one (the browser test
    # tests/browser/test_translation_editor.py sees it done).
    heading = re.search(r'data-heading="([^"]*)"', response.content.decode())[1]
    assert unescape(heading) == "Traduction : Français → Anglais"


def test_the_sign_in_screens_are_in_french(client, var):
    assert english_on(client, ["/admin/login/", "/admin/password_reset/"]) == {}
    # The form still signs in.
    user = make_user(var, "editor")
    user.set_password("un mot de passe assez long")
    user.save()
    response = client.post(
        "/admin/login/", {"username": user.get_username(), "password": "un mot de passe assez long"}
    )
    assert response.status_code == 302 and response.url == "/admin/"


def test_the_administrator_s_screens_are_in_french(var, var_administrator, admin_user):
    assert english_on(login(var_administrator), ["/admin/"]) == {}
    # The network's administrators manage languages and collections.
    urls = [
        "/admin/locales/",
        "/admin/collections/",
        "/admin/choose-page/",
        "/admin/pages/",
        "/admin/images/add/",
    ]
    assert english_on(login(admin_user), urls) == {}


def javascript_catalogue(client, url):
    """The messages of one of Django's JavaScript catalogues, as its script defines them."""
    response = client.get(url)
    assert response.status_code == 200
    match = re.search(r"const newcatalog = (\{.*?\});\n", response.content.decode(), re.DOTALL)
    return json.loads(match.group(1)) if match else {}


def test_the_scripts_speak_french(var_editor):
    client = login(var_editor)
    localize = javascript_catalogue(client, "/admin/localize/jsi18n/")
    # The locale's name follows: Wagtail-localize writes "Publish in " + name.
    assert localize.get("Publish in ") == "Publier dans "
    assert localize.get("More actions") == "Plus d'actions"
    wagtail = javascript_catalogue(client, "/admin/jsi18n/")
    # The sidebar's message for 2 or more new items.
    assert wagtail.get("(%(number)s new items in this menu)") == (
        "(%(number)s nouveaux éléments dans ce menu)"
    )


def test_no_avatar_comes_from_gravatar(var, var_editor, revised_project):
    client = login(var_editor)
    for url in [
        "/admin/",
        "/admin/account/",
        f"/admin/pages/{revised_project.get_parent().pk}/",
        f"/admin/pages/{revised_project.pk}/history/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html, url
        # Wagtail's own default avatar stands in for the picture.
        assert "default-user-avatar" in html, url


def test_each_overridden_message_is_still_one_of_wagtails():
    """home/admin_wording.py names Wagtail's msgids exactly: an upgrade that rewords one
    would leave our French unused."""
    import wagtail
    import wagtail_localize

    installed = set()
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        for catalogue in root.glob("**/locale/fr/LC_MESSAGES/django.po"):
            installed |= {entry.msgid for entry in polib.pofile(str(catalogue))}
    assert [msgid for msgid in OVERRIDDEN if msgid not in installed] == []
