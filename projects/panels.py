from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel

from .phases import validate_phase_history


class PhaseHistoryFormSet(BaseChildFormSet):
    """Checks the history as a whole: the editor sees the error above the phases."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        validate_phase_history(
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        )


class PhaseHistoryPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = PhaseHistoryFormSet
        return options
