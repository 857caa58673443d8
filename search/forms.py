from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Theme
from projects.phases import Phase

from . import query as search_query
from .services import PAGE_TYPES, Filters


class SearchForm(forms.Form):
    """The search box and its filters. A value that is not a choice is ignored, never an error
    page: links and bookmarks outlive themes and phases."""

    q = forms.CharField(label=_("Words to look for"), required=False)
    type = forms.ChoiceField(
        label=_("Type of page"),
        required=False,
        choices=[("", _("All types"))] + [(key, label) for key, (_m, label) in PAGE_TYPES.items()],
    )
    phase = forms.ChoiceField(
        label=_("Project phase"),
        required=False,
        choices=[("", _("All phases")), *Phase.choices],
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        required=False,
        queryset=Theme.objects.vocabulary(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.is_valid()  # fills cleaned_data with what is valid; the rest is dropped below

    def terms(self):
        return search_query.parse(self.data.get("q", ""))

    def filters(self):
        cleaned = self.cleaned_data
        return Filters(
            page_type=cleaned.get("type") or "",
            phase=cleaned.get("phase") or "",
            theme=cleaned.get("theme"),
        )
