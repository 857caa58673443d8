"""The public sites per language: routing per host and language, the language switcher,
hreflang alternates, the lang attribute, dates and search in the visitor's language."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.operations import translate_object

from projects.models import NewsPage, ResultsPage
from territories.models import Territory, TerritoryHomePage, TerritorySettingsTranslation

pytestmark = pytest.mark.django_db

HOST = "var.localhost"


def html_lang(response):
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


def alternates(response):
    return dict(
        re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.content.decode()
        )
    )


def switcher(response):
    """(language name, address, current?) of each link of the language switcher."""
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.DOTALL)
    if nav is None:
        return []
    return [
        (name, href, "aria-current" in attributes)
        for href, attributes, name in re.findall(
            r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', nav.group(0)
        )
    ]


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def translate(page, english, django_capture_on_commit_callbacks):
    """Send the page for translation, then publish the English draft, as a publisher does."""
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(page, [english])
    translation = page.get_translation(english)
    translation.get_latest_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.mark.parametrize("slug", ["var", "pau", "grandest", "pasdecalais"])
def test_each_territory_serves_its_english_home_under_en(client, english, slug):
    territory = Territory.objects.get(slug=slug)

    response = client.get("/en/", HTTP_HOST=territory.site.hostname)

    assert response.status_code == 200
    page = response.context["page"]
    assert isinstance(page, TerritoryHomePage)
    assert page.locale == english
    assert page.translation_key == territory.home.translation_key
    assert html_lang(response) == "en"
    assert html_lang(client.get("/", HTTP_HOST=territory.site.hostname)) == "fr"


def test_the_switcher_hides_a_language_the_page_does_not_exist_in(
    client, english, django_capture_on_commit_callbacks
):
    results = ResultsPage.objects.get(url_path="/var/resultats/")
    assert not results.get_translations().filter(alias_of__isnull=True).exists()

    response = client.get("/resultats/", HTTP_HOST=HOST)

    assert response.status_code == 200
    assert switcher(response) == []
    assert alternates(response) == {}

    translation = translate(results, english, django_capture_on_commit_callbacks)
    assert translation.live

    french = client.get("/resultats/", HTTP_HOST=HOST)
    assert switcher(french) == [
        ("Français", "/resultats/", True),
        ("English", "/en/resultats/", False),
    ]
    response = client.get("/en/resultats/", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response.context["page"].pk == translation.pk
    assert html_lang(response) == "en"
    assert switcher(response) == [
        ("Français", "/resultats/", False),
        ("English", "/en/resultats/", True),
    ]
    expected = {
        "fr": "http://var.localhost/resultats/",
        "en": "http://var.localhost/en/resultats/",
        "x-default": "http://var.localhost/resultats/",
    }
    assert alternates(french) == expected
    assert alternates(response) == expected


def test_a_draft_translation_is_not_offered(client, english, django_capture_on_commit_callbacks):
    results = ResultsPage.objects.get(url_path="/var/resultats/")
    translation = translate(results, english, django_capture_on_commit_callbacks)
    translation.unpublish()

    response = client.get("/resultats/", HTTP_HOST=HOST)

    assert switcher(response) == []
    assert client.get("/en/resultats/", HTTP_HOST=HOST).status_code == 404


def test_dates_are_written_in_the_visitor_language(
    client, english, django_capture_on_commit_callbacks
):
    news = NewsPage.objects.filter(url_path__startswith="/var/").order_by("date").first()
    translation = translate(news, english, django_capture_on_commit_callbacks)
    french = client.get(news.get_url(), HTTP_HOST=HOST).content.decode()
    english_html = client.get(translation.get_url(), HTTP_HOST=HOST).content.decode()

    # Django's formats per language: "4 février 2019" in French, "Feb. 4, 2019" in English.
    assert news.date.isoformat() == "2019-02-04"
    assert '<time datetime="2019-02-04">4 février 2019</time>' in french
    assert '<time datetime="2019-02-04">Feb. 4, 2019</time>' in english_html


def test_search_answers_in_the_language_of_the_address(client, english):
    french = client.get("/recherche/", {"q": "Var"}, HTTP_HOST=HOST)
    english_response = client.get("/en/recherche/", {"q": "Var"}, HTTP_HOST=HOST)

    assert html_lang(english_response) == "en"
    french_results = french.context["search_results"].object_list
    english_results = english_response.context["search_results"].object_list
    assert french_results and english_results
    assert {result.page.locale.language_code for result in french_results} == {"fr"}
    assert {result.page.locale.language_code for result in english_results} == {"en"}
    # The switcher of a view keeps the query.
    assert ("English", "/en/recherche/?q=Var", False) in switcher(french)


def test_a_private_translation_is_not_offered(client, english, django_capture_on_commit_callbacks):
    results = ResultsPage.objects.get(url_path="/var/resultats/")
    translation = translate(results, english, django_capture_on_commit_callbacks)
    PageViewRestriction.objects.create(
        page=translation.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )

    assert switcher(client.get("/resultats/", HTTP_HOST=HOST)) == []


def test_the_english_hub_leads_to_the_territories_english_sites(client):
    response = client.get("/en/", HTTP_HOST="localhost")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    html = response.content.decode()
    for territory in Territory.objects.select_related("site"):
        assert f'href="http://{territory.site.hostname}:8000/en/"' in html
    assert 'href="http://var.localhost:8000/"' not in html


def test_the_site_identity_speaks_the_page_language(client):
    french = client.get("/", HTTP_HOST=HOST).content.decode()
    english = client.get("/en/", HTTP_HOST=HOST).content.decode()

    assert "Var — Startups de territoire" in french
    assert "est un service du Département du Var" in french
    assert "Var — Territorial startups" in english
    assert "incubator is a service of the Var Département" in english
    assert "Startups de territoire" not in english and "est un service du" not in english


def test_without_an_english_identity_english_pages_show_no_french_one(client):
    TerritorySettingsTranslation.objects.filter(identity__site__hostname=HOST).delete()

    english = client.get("/en/", HTTP_HOST=HOST).content.decode()

    assert "Startups de territoire" not in english and "est un service du" not in english
    assert '<span class="brand__name">Var Département</span>' in english  # its home's title


def test_a_publisher_gives_the_identity_in_english(client):
    var = Territory.objects.get(slug="var")
    TerritorySettingsTranslation.objects.filter(identity__site=var.site).delete()
    publisher = get_user_model().objects.create_user(username="publication-var", password="x")
    publisher.groups.add(var.publishers)
    client.force_login(publisher)
    url = f"/admin/settings/territories/territorysettings/{var.site_id}/"
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name
        in (
            "display_name",
            "primary_color",
            "contact_email",
            "footer_text",
            "irritant_retention_months",
        )
    }
    data.update(
        nested_form_data(
            {
                "social_links": streamfield([]),
                "footer_links": streamfield([]),
                "translations": inline_formset(
                    [{"language": "en", "display_name": "Var", "footer_text": "Hello from Var."}]
                ),
            }
        )
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert "Hello from Var." in client.get("/en/", HTTP_HOST=HOST).content.decode()
