"""Embedded videos play from the address the sites' Content-Security-Policy allows, with the
editor's title. The providers' answers are recorded here as Wagtail keeps them
(``wagtailembeds.Embed``): no test reaches the network."""

import json
import re

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.embeds import private_address
from home.models import ContentPage

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
# YouTube's oEmbed answer, as it comes (its frame on www.youtube.com, an obsolete attribute).
YOUTUBE_ANSWER = (
    '<iframe width="200" height="113" '
    'src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" '
    'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; '
    'picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" '
    'allowfullscreen title="Rick Astley - Never Gonna Give You Up"></iframe>'
)
VIMEO = "https://vimeo.com/76979871"
VIMEO_ANSWER = (
    '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963" width="640" '
    'height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; '
    'clipboard-write" title="The New Vimeo Player"></iframe>'
)
TITLE = "Vidéo : l'atelier des agents d'accueil"


def recorded(url, html, width, height):
    return Embed.objects.create(
        url=url,
        hash=get_embed_hash(url),
        type="video",
        html=html,
        provider_name="YouTube" if "youtube" in url else "Vimeo",
        width=width,
        height=height,
    )


def page_with_embed(client, url, title=TITLE):
    about = ContentPage.objects.get(slug="a-propos", url_path__startswith="/var/")
    about.body = json.dumps([{"type": "embed", "value": {"embed": url, "title": title}}])
    about.save_revision().publish()
    response = client.get(about.get_url(), HTTP_HOST="var.localhost")
    assert response.status_code == 200
    return response


def frames(response):
    return re.findall(r"<iframe\b[^>]*>", response.content.decode())


def test_a_youtube_video_plays_from_the_no_cookie_address_with_the_editors_title(client):
    recorded(VIDEO, YOUTUBE_ANSWER, 200, 113)

    response = page_with_embed(client, VIDEO)

    [frame] = frames(response)
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?feature=oembed"' in frame
    assert "www.youtube.com" not in response.content.decode()
    # What screen readers announce: the editor's title, once, escaped.
    assert frame.count("title=") == 1
    assert 'title="Vidéo : l&#x27;atelier des agents d&#x27;accueil"' in frame
    assert "frameborder" not in frame and 'loading="lazy"' in frame
    # Responsive: the frame fills a box of the video's shape.
    assert 'class="embed__frame" style="aspect-ratio: 200 / 113"' in response.content.decode()
    # The address the page's Content-Security-Policy lets frames come from.
    assert "https://www.youtube-nocookie.com" in response["Content-Security-Policy"]


def test_a_vimeo_video_is_told_not_to_track(client):
    recorded(VIMEO, VIMEO_ANSWER, 640, 360)

    [frame] = frames(page_with_embed(client, VIMEO))

    assert 'src="https://player.vimeo.com/video/76979871?app_id=122963&amp;dnt=1"' in frame


def test_without_an_answer_the_block_links_to_the_content(client):
    # No provider knows this address: nothing is fetched, the page still leads to it.
    response = page_with_embed(client, "https://exemple.fr/videos/atelier")
    content = response.content.decode()
    assert frames(response) == []
    assert f'<a href="https://exemple.fr/videos/atelier">{TITLE}' in content.replace("&#x27;", "'")


@pytest.mark.parametrize(
    ("given", "private"),
    [
        ("//www.youtube.com/embed/x", "https://www.youtube-nocookie.com/embed/x"),
        (
            "http://youtube.com/embed/x?a=1&amp;b=2",
            "https://www.youtube-nocookie.com/embed/x?a=1&b=2",
        ),
        ("https://player.vimeo.com/video/1?dnt=1", "https://player.vimeo.com/video/1?dnt=1"),
        ("https://www.dailymotion.com/embed/video/x", "https://www.dailymotion.com/embed/video/x"),
    ],
)
def test_private_addresses(given, private):
    assert private_address(given) == private
