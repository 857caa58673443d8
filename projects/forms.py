"""The page forms of this app's page types: what the admin refuses, or warns about, before a
project or a news item goes public (the rules every page has are in home/forms.py)."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from home.forms import PageForm


def is_blank_html(html):
    """Rich text with no word in it: nothing, empty paragraphs, spaces, line breaks."""
    return not strip_tags(html or "").replace("&nbsp;", " ").replace("\xa0", " ").strip()


class ProjectPageForm(PageForm):
    REQUIRED_TEXTS = {
        "problem": _("Describe the problem the project tackles: a project page says it first."),
        "solution": _("Describe the solution: what the team builds and what it changes."),
    }

    def clean(self):
        cleaned_data = super().clean()
        # A draft may stay incomplete; what is published or submitted may not.
        if not self.is_deferred_validation:
            for name, message in self.REQUIRED_TEXTS.items():
                if name in self.fields and name in cleaned_data:
                    if is_blank_html(cleaned_data[name]):
                        self.add_error(name, message)
        return cleaned_data


def has_content(stream):
    """A stream with at least one block that says something (an empty paragraph does not)."""
    for block in stream:
        source = getattr(block.value, "source", None)
        if not (isinstance(source, str) and is_blank_html(source)):
            return True
    return False


class NewsPageForm(PageForm):
    @classmethod
    def publication_warnings(cls, page):
        # A warning, not a refusal: a short announcement may say everything in its
        # introduction, but an empty body is most often a text that was never pasted.
        if has_content(page.body):
            return []
        return [
            _(
                "This news item has no body: readers and subscribers get only its title and "
                "introduction. Add its text in “Body” if it was forgotten."
            )
        ]
