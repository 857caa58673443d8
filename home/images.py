"""What an image says to those who cannot see it.

A file name is not a description: Wagtail titles an uploaded image after its file and
suggests that title as the alt text of an image block, so « IMG_20261130_photo-reunion »
would be read aloud to screen reader users. The page form refuses it (home/forms.py) and the
public templates never show it (``public_alt``).
"""

import os
import re

IMAGE_EXTENSIONS = re.compile(r"\.(jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp|svg)$", re.I)
# What cameras and phones name their files: IMG_1234, DSC01234, PXL_2026…, Capture d'écran…
CAMERA_NAMES = re.compile(r"^(img|dsc|dscn|dcim|pxl|mvimg)[\W_]*\d{3,}", re.I)
# Django adds « _AbC1234 » to a file name already taken in the media folder.
STORAGE_SUFFIX = re.compile(r"_[a-zA-Z0-9]{7}$")


def _words(text):
    return re.sub(r"[\W_]+", " ", text or "").strip().lower()


def file_stems(image):
    """The image's file name without folder and extension, with and without Django's suffix."""
    stem = os.path.splitext(os.path.basename(image.file.name or ""))[0]
    return {_words(stem), _words(STORAGE_SUFFIX.sub("", stem))} - {""}


def looks_like_file_name(text, image=None):
    text = (text or "").strip()
    if not text:
        return False
    if IMAGE_EXTENSIONS.search(text) or CAMERA_NAMES.match(text):
        return True
    return image is not None and _words(text) in file_stems(image)


def public_alt(image):
    """The alt text a public page shows: the block's own text, else the image's description;
    never a file name (an empty alt, as for a decorative image, rather than noise)."""
    if image is None or getattr(image, "decorative", False):
        return ""
    for text in (getattr(image, "contextual_alt_text", None), image.description):
        if text and not looks_like_file_name(text, image):
            return text
    return ""
