"""wagtail-localize: each territory has an English tree, kept in step with the French one,
and a territory page can be sent for translation."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from home.models import ContentPage
from projects.models import NewsIndexPage, ResultsPage
from territories.models import Territory, TerritoryHomePage
from territories.services import TerritorySpec, create_territory

pytestmark = pytest.mark.django_db


def test_each_territory_home_page_exists_in_english():
    english = Locale.objects.get(language_code="en")
    for home in TerritoryHomePage.objects.filter(locale=Locale.get_default()):
        assert home.get_translation(english).live


def test_a_territory_page_can_be_submitted_for_english_translation(admin_client):
    english = Locale.objects.get(language_code="en")
    news = NewsIndexPage.objects.get(url_path="/var/actualites/")

    form = admin_client.get(f"/admin/localize/submit/page/{news.pk}/")
    assert form.status_code == 200
    response = admin_client.post(
        f"/admin/localize/submit/page/{news.pk}/", {"locales": [english.pk]}
    )

    assert response.status_code == 302
    translation = news.get_translation(english)
    assert translation.title == news.title  # a copy to translate, until a translator edits it
    assert translation.get_parent().specific.locale == english
    # The translation opens in wagtail-localize's editor.
    assert admin_client.get(f"/admin/pages/{translation.pk}/edit/").status_code == 200


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def test_a_new_territory_has_its_sections_in_the_english_tree(english):
    territory = create_territory(
        TerritorySpec(name="Calvados", slug="calvados", hostname="calvados.localhost")
    )

    english_home = territory.home.get_translation(english)
    sections = territory.home.get_children().order_by("path")
    copies = english_home.get_children().order_by("path")
    assert [copy.alias_of_id for copy in copies] == [section.pk for section in sections]
    # Each copy is live exactly when its French section is (the about page starts a draft).
    assert all(
        copy.live == section.live and copy.locale == english
        for copy, section in zip(copies, sections, strict=True)
    )
    assert any(not copy.live for copy in copies)


def test_a_french_page_added_in_the_admin_joins_the_english_tree(client, english):
    var = Territory.objects.get(slug="var")
    publisher = get_user_model().objects.create_user(username="publication-var", password="x")
    publisher.groups.add(var.publishers)
    client.force_login(publisher)
    about = ContentPage.objects.get(url_path="/var/a-propos/")
    data = nested_form_data(
        {
            "title": "Nos partenaires",
            "slug": "partenaires",
            "intro": "Les services qui travaillent avec l’incubateur.",
            "body": streamfield([]),
        }
    )
    data["action-publish"] = "publish"

    response = client.post(f"/admin/pages/add/home/contentpage/{about.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(url_path="/var/a-propos/partenaires/")
    alias = page.get_translation(english)
    assert alias.alias_of_id == page.pk
    assert alias.live
    assert alias.get_parent().pk == about.get_translation(english).pk

    # The English address shows the French content, marked as such, and points to it.
    # (The English about page, translated in the demo, is /en/about/.)
    html = client.get("/en/about/partenaires/", HTTP_HOST="var.localhost").content.decode()
    assert '<html lang="en">' in html
    assert '<main id="content" class="container" tabindex="-1" lang="fr">' in html
    assert '<link rel="canonical" href="http://var.localhost/a-propos/partenaires/">' in html
    french = client.get("/a-propos/partenaires/", HTTP_HOST="var.localhost").content.decode()
    assert "language-switcher" not in french and 'hreflang="en"' not in french

    # Translating it through wagtail-localize turns the alias into the English page.
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    translation = page.get_translation(english)
    assert translation.pk == alias.pk and translation.alias_of_id is None
    french = client.get("/a-propos/partenaires/", HTTP_HOST="var.localhost").content.decode()
    assert 'href="/en/about/partenaires/" hreflang="en" lang="en"' in french


def test_an_outside_translator_round_trip_through_a_po_file(client, english):
    """Submit, download the PO file, translate it elsewhere, upload it, publish: over HTTP."""
    var = Territory.objects.get(slug="var")
    publisher = get_user_model().objects.create_user(username="publication-var", password="x")
    publisher.groups.add(var.publishers)
    client.force_login(publisher)
    results = ResultsPage.objects.get(url_path="/var/resultats/")
    client.post(f"/admin/localize/submit/page/{results.pk}/", {"locales": [english.pk]})
    record = Translation.objects.get(
        source__object_id=results.translation_key, target_locale=english
    )

    download = client.get(f"/admin/localize/translate/{record.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert "Où en sont les projets ?" in [entry.msgid for entry in po]
    english_text = {
        "Résultats": "Results",
        "resultats": "results",  # the slug: the English address is /en/results/
        "Où en sont les projets ?": "Where do the projects stand?",
    }
    for entry in po:  # the translator's work
        entry.msgstr = english_text.get(entry.msgid, f"EN {entry.msgid}")
    upload = client.post(
        f"/admin/localize/translate/{record.pk}/pofile/upload/?next=/admin/",
        {"file": ContentFile(str(po).encode(), name="results-en.po")},
    )
    assert upload.status_code == 302
    translation = results.get_translation(english)
    publish = client.post(f"/admin/pages/{translation.pk}/edit/", {"action": "publish"})
    assert publish.status_code == 302

    html = client.get("/en/results/", HTTP_HOST="var.localhost").content.decode()
    assert "<h1>Results</h1>" in html
    assert "Where do the projects stand?" in html
    assert "Où en sont les projets" not in html
    french = client.get("/resultats/", HTTP_HOST="var.localhost").content.decode()
    assert 'href="/en/results/" hreflang="en" lang="en"' in french


def test_a_language_added_to_the_settings_reaches_the_open_territories(client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "Deutsch")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    var, pau = Territory.objects.get(slug="var"), Territory.objects.get(slug="pau")

    call_command("migrate", verbosity=0)  # what every deployment runs

    german = Locale.objects.get(language_code="de")
    home = var.home.get_translation(german)
    assert home.alias_of_id == var.home.pk and home.live
    assert home.get_children().count() == var.home.get_children().count()
    response = client.get("/de/", HTTP_HOST="var.localhost")
    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
    assert '<html lang="de">' in response.content.decode()
    # The territory's own editors reach the new tree, and only they.
    for territory, status in ((var, 200), (pau, 404)):
        editor = get_user_model().objects.create_user(username=f"editor-{territory.slug}")
        editor.groups.add(territory.editors)
        client.force_login(editor)
        assert client.get(f"/admin/pages/{home.pk}/edit/").status_code == status
    permissions = GroupPagePermission.objects.count()
    call_command("migrate", verbosity=0)
    assert GroupPagePermission.objects.count() == permissions
