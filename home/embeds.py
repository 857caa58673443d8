"""What an embedded video's frame becomes on a public page.

Wagtail keeps each provider's oEmbed answer (``wagtailembeds.Embed``) and renders its HTML as
given. YouTube answers with a ``www.youtube.com/embed/`` frame, which sets tracking cookies
before the visitor plays anything and which the sites' Content-Security-Policy refuses
(``frame-src``: site/settings.py); its privacy-enhanced address, www.youtube-nocookie.com,
plays the same video. Vimeo's player is told not to track (``dnt=1``). The frame gets the
editor's title (what screen readers announce) and loses the attributes HTML5 made obsolete.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

IFRAME = re.compile(r"<iframe\b[^>]*>", re.IGNORECASE)
SRC = re.compile(r'\ssrc="([^"]*)"', re.IGNORECASE)
YOUTUBE_EMBED = re.compile(r"^(?:https?:)?//(?:www\.)?youtube\.com/embed/", re.IGNORECASE)
VIMEO_PLAYER = re.compile(r"^(?:https?:)?//player\.vimeo\.com/video/", re.IGNORECASE)
NO_COOKIE = "https://www.youtube-nocookie.com/embed/"
# Obsolete in HTML5 (the Nu HTML checker reports them); the stylesheet does their work.
OBSOLETE = re.compile(
    r'\s(?:frameborder|scrolling|marginwidth|marginheight)="[^"]*"', re.IGNORECASE
)
TITLE = re.compile(r'\stitle="[^"]*"', re.IGNORECASE)


def private_address(url):
    """The frame's address that sets no cookie before play, where the provider has one."""
    url = url.replace("&amp;", "&")
    if YOUTUBE_EMBED.match(url):
        return YOUTUBE_EMBED.sub(NO_COOKIE, url)
    if VIMEO_PLAYER.match(url) and "dnt=" not in url:
        url = "https:" + url if url.startswith("//") else url
        return url + ("&" if "?" in url else "?") + "dnt=1"
    return url


def public_frame(html, title):
    """The provider's HTML with each frame at its private address, titled ``title``, lazy."""

    def frame(match):
        tag = OBSOLETE.sub("", TITLE.sub("", match.group(0)))
        tag = SRC.sub(lambda src: f' src="{escape(private_address(src.group(1)))}"', tag)
        extra = f' title="{escape(title)}"'
        if "loading=" not in tag.lower():
            extra += ' loading="lazy"'
        return tag[:-1].rstrip("/").rstrip() + extra + ">"

    return mark_safe(IFRAME.sub(frame, html))  # noqa: S308 - the provider's HTML, as Wagtail renders it
