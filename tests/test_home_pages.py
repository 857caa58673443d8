"""The home pages of a territory and of the hub: banner (preloaded, sized WebP renditions,
alternative text), figures counted from the content in a constant number of queries, the
territories' logos, and the weight of the page."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from territories.models import TerritorySettings, TerritorySettingsTranslation
from testing import make_project, make_territory, make_user, open_call, submit_irritant
from testing.forms import identity_form_data

pytestmark = pytest.mark.django_db


def banner_image(territory, title="Bannière", size=(1920, 720)):
    return Image.objects.create(
        title=title,
        file=get_test_image_file(filename="banner.png", size=size),
        collection=territory.collection,
    )


def get(client, host, path="/"):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def figure(html, kind):
    """The value of the figure of ``kind`` (projects, calls, irritants, territories)."""
    match = re.search(
        rf'<li class="key-figure key-figure--{kind}"><p class="key-figure__value">(\d+)</p>', html
    )
    assert match, f"no figure of {kind}"
    return int(match[1])


def queries_for(client, host):
    # Nothing from a previous request: the page cache and fragments are emptied.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        get(client, host)
    return len(queries)


def test_a_territory_home_counts_its_projects_per_phase_its_open_calls_and_irritants(client):
    territory = make_territory()
    host = territory.site.hostname
    page = get(client, host)
    assert figure(page, "projects") == 0 and figure(page, "irritants") == 0
    baseline = queries_for(client, host)

    make_project(territory, "Cantine en ligne", phase="construction")
    make_project(territory, "Badges des agents", phase="construction")
    make_project(territory, "Salles de réunion", phase="investigation")
    call = open_call(territory)
    submit_irritant(call)
    submit_irritant(call, title="Trois signatures pour un congé")

    page = get(client, host)
    assert figure(page, "projects") == 3
    assert figure(page, "calls") == 1
    assert figure(page, "irritants") == 2
    phases = re.search(r'<ul class="key-figure__phases".*?</ul>', page, re.S)[0]
    assert re.findall(r"badge--(\w+)\">[^<]*</span> (\d+)", phases) == [
        ("investigation", "1"),
        ("construction", "2"),
    ]
    # One aggregate query per family, whatever the content: more projects, calls and
    # irritants cost no query (the listings below are one query each already).
    assert queries_for(client, host) == baseline


def test_the_figures_count_no_other_territory_and_no_unpublished_project(client):
    territory, other = make_territory(), make_territory()
    make_project(other, "Ailleurs", phase="construction")
    draft = make_project(territory, "Brouillon", phase="construction")
    draft.unpublish()
    submit_irritant(open_call(other))

    page = get(client, territory.site.hostname)
    assert figure(page, "projects") == 0
    assert figure(page, "irritants") == 0


def test_a_banner_is_shown_in_webp_renditions_and_preloaded_with_the_same_srcset(client):
    territory = make_territory()
    host = territory.site.hostname
    page = get(client, host)
    assert 'rel="preload" as="image"' not in page and "home-hero__banner" not in page

    settings = TerritorySettings.for_site(territory.site)
    settings.banner = banner_image(territory)
    settings.banner_alt = "Le port de Toulon au lever du soleil"
    settings.save()

    page = get(client, host)
    preload = re.search(r'<link rel="preload" as="image"[^>]*>', page)[0]
    banner = re.search(r'<img class="home-hero__banner"[^>]*>', page)[0]
    srcset = re.search(r' imagesrcset="([^"]+)"', preload)[1]
    assert re.search(r' srcset="([^"]+)"', banner)[1] == srcset
    assert (
        re.search(r' imagesizes="([^"]+)"', preload)[1] == re.search(r' sizes="([^"]+)"', banner)[1]
    )
    widths = [int(w) for w in re.findall(r" (\d+)w", srcset)]
    assert widths == [640, 960, 1280, 1920]
    assert all(url.endswith(".webp") for url in re.findall(r"(\S+) \d+w", srcset))
    assert 'alt="Le port de Toulon au lever du soleil"' in banner
    assert 'loading="lazy"' not in banner
    # Its shape reserved before it loads: no layout shift.
    assert re.search(r' width="960" height="360"', banner)
    # The preload is in the head, before the banner's img.
    assert page.index(preload) < page.index("</head>") < page.index(banner)


def test_a_small_banner_is_not_enlarged_nor_listed_twice(client):
    territory = make_territory()
    settings = TerritorySettings.for_site(territory.site)
    settings.banner = banner_image(territory, size=(1000, 400))
    settings.banner_alt = "Une place de village"
    settings.save()

    page = get(client, territory.site.hostname)
    srcset = re.search(r' imagesrcset="([^"]+)"', page)[1]
    assert [int(w) for w in re.findall(r" (\d+)w", srcset)] == [640, 960, 1000]


def test_images_below_the_fold_are_lazy_loaded(client, var):
    settings = TerritorySettings.for_site(var.site)
    page = get(client, var.site.hostname)
    main = page[page.index("<main") : page.index("</main>")]
    for img in re.findall(r"<img [^>]*>", main):
        if "home-hero__banner" in img:
            continue
        assert 'loading="lazy"' in img, img
    assert settings.banner is not None, "the demo gives every territory a banner"


def test_on_an_english_page_the_banner_keeps_its_french_alt_marked_as_french_until_translated(
    client, var
):
    settings = TerritorySettings.for_site(var.site)
    assert settings.banner_alt
    # The demo translates it: an identity whose English leaves it blank.
    settings.translations.filter(language="en").update(banner_alt="")
    page = get(client, var.site.hostname, "/en/")
    banner = re.search(r'<img class="home-hero__banner"[^>]*>', page)[0]
    assert (
        f'alt="{settings.banner_alt}"' in banner.replace("&#x27;", "'") and ' lang="fr"' in banner
    )

    TerritorySettingsTranslation.objects.update_or_create(
        identity=settings, language="en", defaults={"banner_alt": "Toulon harbour at dawn"}
    )
    page = get(client, var.site.hostname, "/en/")
    banner = re.search(r'<img class="home-hero__banner"[^>]*>', page)[0]
    assert 'alt="Toulon harbour at dawn"' in banner and " lang=" not in banner


def test_a_banner_without_alternative_text_is_refused_and_nothing_is_lost(client):
    territory = make_territory()
    client.force_login(make_user(territory, "publisher"))
    url = f"/admin/settings/territories/territorysettings/{territory.site_id}/"
    image = banner_image(territory)

    refused = client.post(
        url, identity_form_data(client, url, banner=image.pk, banner_alt="  ", footer_text="Tx")
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["banner_alt"]
    settings = TerritorySettings.for_site(territory.site)
    assert settings.banner_id is None and settings.footer_text != "Tx"

    accepted = client.post(
        url, identity_form_data(client, url, banner=image.pk, banner_alt="La mairie")
    )
    assert accepted.status_code == 302
    settings = TerritorySettings.for_site(territory.site)
    assert settings.banner_id == image.pk and settings.banner_alt == "La mairie"


def test_another_territorys_image_cannot_become_the_banner(client):
    territory, other = make_territory(), make_territory()
    client.force_login(make_user(territory, "administrator"))
    url = f"/admin/settings/territories/territorysettings/{territory.site_id}/"
    foreign = banner_image(other, title="Image d'ailleurs")

    response = client.post(
        url, identity_form_data(client, url, banner=foreign.pk, banner_alt="Ailleurs")
    )
    assert response.status_code == 200
    assert TerritorySettings.for_site(territory.site).banner_id is None
    # Nor through the other territory's identity.
    other_url = f"/admin/settings/territories/territorysettings/{other.site_id}/"
    assert client.get(other_url).status_code in (302, 403, 404)
    client.post(other_url, {"banner": foreign.pk, "banner_alt": "Pris"})
    assert TerritorySettings.for_site(other.site).banner_alt != "Pris"


def test_the_hub_shows_the_network_in_figures_and_each_territorys_logo(client):
    hub = Site.objects.get(is_default_site=True)
    page = get(client, hub.hostname)
    territories = figure(page, "territories")
    projects = figure(page, "projects")
    assert territories and projects
    baseline = queries_for(client, hub.hostname)
    logos = len(re.findall(r'class="territory-card__logo"', page))
    assert logos == territories

    territory = make_territory()
    settings = TerritorySettings.for_site(territory.site)
    settings.logo = banner_image(territory, title="Logo", size=(256, 256))
    settings.save()
    make_project(territory, "Cantine en ligne", phase="construction")
    submit_irritant(open_call(territory))

    page = get(client, hub.hostname)
    assert figure(page, "territories") == territories + 1
    assert figure(page, "projects") == projects + 1
    assert len(re.findall(r'class="territory-card__logo"', page)) == logos + 1
    # One more territory, project, call and irritant: the same queries (the renditions are
    # made on the first request, found afterwards).
    assert queries_for(client, hub.hostname) == baseline


def linked_css_bytes(page):
    total = 0
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page):
        path = finders.find(href.removeprefix("/static/").split("?")[0])
        assert path, href
        total += Path(path).stat().st_size
    return total


@pytest.mark.parametrize("host", ["localhost", "var.localhost", "pau.localhost"])
@pytest.mark.parametrize("path", ["/", "/en/"])
def test_a_home_page_weighs_under_100_kb_of_html_and_css_before_compression(client, host, path):
    response = client.get(path, HTTP_HOST=host, HTTP_ACCEPT_ENCODING="identity")
    if response.status_code == 404:
        pytest.skip("no such language version")
    assert response.status_code == 200
    html = response.content.decode()
    weight = len(response.content) + linked_css_bytes(html)
    assert weight < 100_000, f"{weight} bytes of HTML and CSS"


# What the page cache must refresh for the home pages (pagecache/signals.py).


def test_the_hub_shows_a_territorys_new_logo_at_once(client):
    hub = Site.objects.get(is_default_site=True)
    territory = make_territory()
    get(client, hub.hostname)  # cached from here on
    settings = TerritorySettings.for_site(territory.site)
    settings.logo = banner_image(territory, title="Nouveau logo", size=(256, 256))
    settings.save()

    page = get(client, hub.hostname)
    assert settings.logo.get_rendition("height-96|format-webp").url in page


def test_the_hub_counts_an_irritant_at_once(client):
    hub = Site.objects.get(is_default_site=True)
    territory = make_territory()
    call = open_call(territory)
    before = figure(get(client, hub.hostname), "irritants")
    submit_irritant(call)
    assert figure(get(client, hub.hostname), "irritants") == before + 1


def test_a_banner_moved_focal_point_shows_at_once(client):
    territory = make_territory()
    settings = TerritorySettings.for_site(territory.site)
    settings.banner = image = banner_image(territory)
    settings.banner_alt = "La mairie"
    settings.save()
    before = re.search(r' imagesrcset="([^"]+)"', get(client, territory.site.hostname))[1]

    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width = image.focal_point_height = 50
    image.save()

    after = re.search(r' imagesrcset="([^"]+)"', get(client, territory.site.hostname))[1]
    assert after != before
