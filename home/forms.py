"""The form of every page of the platform.

The core knows no territory: the apps above it add their checks with Wagtail's
``check_page_form`` hook (a function of the bound form that adds its errors to it and returns
whether it found any). They run in ``is_valid``, once the form and its inline formsets have
built their instances, so saving, publishing and previewing (which all validate the form)
see the same refusal.

It also holds the guardrails every page needs: a title longer than the limit is refused with
a message (not cut by the browser), a slug never starts or ends with a dash, an image's alt
text is not its file name, and a new page remembers which form created it, so that publishing
right after an automatic save publishes the page that save created (home/wagtail_hooks.py).
Page types add their own rules by subclassing it (their ``base_form_class``);
``publication_warnings`` says what a page lacks without refusing it.
"""

import json
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamBlock, StreamBlockValidationError, StructBlockValidationError
from wagtail.coreutils import get_js_regex
from wagtail.images.blocks import ImageBlock

from .images import looks_like_file_name

# Anything but a letter or a digit at either end of the title becomes a dash at the slug's
# end (« « Lapins » » gave « -lapins »): the admin's slug generation drops it first.
SLUG_EDGES = r"^[^0-9A-Za-z\u00C0-\u024F]+|[^0-9A-Za-z\u00C0-\u024F]+$"
# The key of the form that created a page: posted again by that form, it finds the page.
CREATION_KEY = re.compile(r"^[0-9a-f]{32}$")


def clean_slug_edges(slug):
    return re.sub(r"-{2,}", "-", slug or "").strip("-")


class PageForm(WagtailAdminPageForm):
    creation_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "seo_title"):
            if field := self.fields.get(name):
                # The browser would cut a longer pasted title without a word: the limit is
                # checked here instead, with a message that gives it.
                field.widget.attrs.pop("maxlength", None)
                field.error_messages["max_length"] = _(
                    "A title has at most %(limit_value)d characters; this one has "
                    "%(show_value)d. Shorten it: the start of a title is what listings and "
                    "search engines show."
                )
        if slug := self.fields.get("slug"):
            slug.widget.attrs["data-w-slug-formatters-value"] = json.dumps(
                [[get_js_regex(SLUG_EDGES), ""]], separators=(",", ":")
            )
        if not self.instance.pk and not self.is_bound:
            self.initial["creation_key"] = uuid.uuid4().hex

    def clean_slug(self):
        typed = self.cleaned_data.get("slug")
        slug = clean_slug_edges(typed)
        if typed and not slug:
            raise ValidationError(_("The slug needs at least one letter or digit."), code="invalid")
        return slug

    def clean_creation_key(self):
        key = self.cleaned_data.get("creation_key", "")
        return key if CREATION_KEY.match(key) else ""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            self._refuse_file_names_as_alt_text()
        return cleaned_data

    def _refuse_file_names_as_alt_text(self):
        """An image block whose alt text is the image's file name (what Wagtail suggests for
        an image uploaded without a description) is refused, on the alt text field."""
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if not isinstance(getattr(field, "block", None), StreamBlock) or not value:
                continue
            block_errors = {}
            for index, child in enumerate(value):
                image = child.value
                if isinstance(child.block, ImageBlock) and image and not image.decorative:
                    if looks_like_file_name(image.contextual_alt_text, image):
                        block_errors[index] = StructBlockValidationError(
                            block_errors={
                                "alt_text": ValidationError(
                                    _(
                                        "“%(text)s” is the image's file name, not a "
                                        "description: say what the image shows to those who "
                                        "cannot see it, or tick “Image is decorative” if it "
                                        "adds nothing to the text."
                                    ),
                                    params={"text": image.contextual_alt_text},
                                )
                            }
                        )
            if block_errors:
                self.add_error(name, StreamBlockValidationError(block_errors=block_errors))

    @classmethod
    def publication_warnings(cls, page):
        """What the published page lacks, said to the editor without refusing it (the admin
        shows each as a warning after publishing or submitting)."""
        return []

    def is_valid(self):
        valid = super().is_valid()
        if self.is_bound and not hasattr(self, "checks_refused"):
            # Validation may run twice (preview): the errors must be added once.
            self.checks_refused = any([check(self) for check in hooks.get_hooks("check_page_form")])
        return valid and not getattr(self, "checks_refused", False)
