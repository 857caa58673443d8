"""Gzip for the answers that are the same for every visitor.

Only what the page cache would store is compressed: an anonymous GET or HEAD whose answer
sets no cookie and holds no CSRF token. An answer that carries a secret beside text a visitor
chooses (a form's token, anything of the admin or of a session) is never compressed: its
compressed size would let an attacker guess the secret a byte at a time (BREACH). The
compressed bytes are stored in the page cache beside the plain ones, so a hit costs no
compression.
"""

import re

from django.utils.cache import patch_vary_headers
from django.utils.text import compress_sequence, compress_string

# Text formats of the public sites: pages, feeds, sitemaps, open data.
COMPRESSIBLE = re.compile(
    r"^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript)|image/svg\+xml)"
)
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Smaller answers gain nothing: gzip's own header and trailer are 18 bytes.
MINIMUM_SIZE = 200


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def _compressible(response):
    return not response.has_header("Content-Encoding") and bool(
        COMPRESSIBLE.match(response.get("Content-Type", ""))
    )


def gzipped_variant(response):
    """The gzipped bytes of ``response`` (None when it is not worth compressing), after
    marking the response as varying with the encoding. Its ETag becomes weak: the plain and
    the compressed answers are the same page, and either matches a browser's copy."""
    if response.streaming or not _compressible(response) or len(response.content) < MINIMUM_SIZE:
        return None
    gzipped = compress_string(response.content)
    if len(gzipped) >= len(response.content):
        return None
    patch_vary_headers(response, ("Accept-Encoding",))
    if (etag := response.get("ETag", "")).startswith('"'):
        response.headers["ETag"] = f"W/{etag}"
    return gzipped


def send_gzipped(response, gzipped):
    """Turn ``response`` (its headers already those of the plain answer) into the gzipped one."""
    response.content = gzipped
    response.headers["Content-Encoding"] = "gzip"
    response.headers["Content-Length"] = str(len(gzipped))
    return response


def compress_stream(response):
    """A streamed answer (the open data's CSV) compressed as it is produced."""
    if not _compressible(response):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    response.streaming_content = compress_sequence(response.streaming_content)
    response.headers["Content-Encoding"] = "gzip"
    del response.headers["Content-Length"]
    return response
