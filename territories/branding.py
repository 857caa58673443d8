"""A territory's colour: white text must stay readable on it (RGAA criterion 3.2, WCAG 1.4.3)."""

import re

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

HEX_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
MIN_CONTRAST = 4.5
DEFAULT_PRIMARY_COLOR = "#1f4e79"


def relative_luminance(color):
    """WCAG 2.1's relative luminance of a ``#rrggbb`` colour."""

    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast_ratio(first, second):
    """From 1 (no contrast) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_primary_color(value):
    if not HEX_COLOR_RE.match(value or ""):
        raise ValidationError(
            _("Write the colour as # followed by six hexadecimal digits, like #1f4e79."),
            code="invalid",
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < MIN_CONTRAST:
        # Rounded down, so that 4.499 is never shown as an acceptable "4.50".
        shown = int(ratio * 100) / 100
        raise ValidationError(
            _(
                "White text on %(color)s has a contrast ratio of %(ratio)s:1; at least "
                "%(minimum)s:1 is required for it to be readable. Choose a darker colour."
            )
            % {
                "color": value,
                "ratio": number_format(shown, 2),
                "minimum": number_format(MIN_CONTRAST, 1),
            },
            code="low_contrast",
        )
