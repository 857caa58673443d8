import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .attachments import ACCEPTED_EXTENSIONS, validate_attachment
from .models import TRANSITIONS, Irritant, Status
from .services import check_transition


class NoControlCharacters:
    """Refuse invisible control characters (line breaks are fine in a multi-line text).

    They cannot be typed in a browser, break email headers and spreadsheet exports.
    """

    def __init__(self, multiline):
        self.allowed = "\n\r\t" if multiline else ""

    def __call__(self, value):
        if any(unicodedata.category(char) == "Cc" and char not in self.allowed for char in value):
            raise ValidationError(
                _("Remove the invisible control characters from this text."),
                code="control_characters",
            )


# The form's two parts, in the order the agent fills them in.
PROBLEM_FIELDS = (
    "title",
    "problem",
    "consequences",
    "people_affected",
    "service",
    "solution_idea",
    "attachment",
)
SUBMITTER_FIELDS = ("submitter_name", "submitter_email", "submitter_service")


class IrritantForm(forms.ModelForm):
    """The public form of a call: the problem first, then who reports it."""

    # Hidden from people (CSS and aria-hidden); robots that fill every field give themselves away.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    consent = forms.BooleanField(
        label=_(
            "I agree that the territory's incubator team keeps my name, email and service "
            "to study this irritant and answer me."
        ),
        error_messages={"required": _("Tick this box so that we can study your irritant.")},
    )

    class Meta:
        model = Irritant
        fields = [*PROBLEM_FIELDS, *SUBMITTER_FIELDS]
        labels = {
            "title": _("The irritant in a few words"),
            "problem": _("The problem"),
            "consequences": _("Its consequences for users"),
            "people_affected": _("Who is affected, and how many"),
            "service": _("The service concerned"),
            "solution_idea": _("An idea of a solution (optional)"),
            "attachment": _("A document that shows the problem (optional)"),
            "submitter_name": _("Your first and last name"),
            "submitter_email": _("Your work email"),
            "submitter_service": _("Your service"),
        }
        help_texts = {
            "title": _("For example: “Families wait three weeks for a school canteen card”."),
            "problem": _(
                "Who suffers from it, how often, with figures if you have them. For example: "
                "“Every year, hundreds of families fill in the same form three times…”"
            ),
            "consequences": _("What it costs users: delays, trips, missed rights, money, stress."),
            "people_affected": _("For example: “about 2,000 applicants a year”."),
            "service": _("Where you see the problem, for example “Social action, Toulon”."),
            "solution_idea": _("Not required: the team looks at the problem first."),
            "submitter_email": _("We send the acknowledgement and our answer there."),
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "consequences": forms.Textarea(attrs={"rows": 4}),
            "solution_idea": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, retention_months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = _(
            "Your details are kept for %(months)s months, then erased. Only the incubator team "
            "reads them; nothing personal is ever published."
        ) % {"months": retention_months}
        attachment = self.fields["attachment"]
        attachment.validators.append(validate_attachment)
        attachment.widget.attrs["accept"] = ",".join(f".{ext}" for ext in ACCEPTED_EXTENSIONS)
        attachment.help_text = _("PDF, image or office document, %(size)s at most.") % {
            "size": filesizeformat(settings.IRRITANTS_ATTACHMENT_MAX_BYTES)
        }
        for name in ("title", "problem", "consequences", "people_affected", "service"):
            self.fields[name].required = True
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name != "website":
                multiline = isinstance(field.widget, forms.Textarea)
                field.validators.append(NoControlCharacters(multiline))
        self.fields["submitter_email"].widget.attrs["autocomplete"] = "email"
        self.fields["submitter_name"].widget.attrs["autocomplete"] = "name"
        self.fields["submitter_service"].widget.attrs["autocomplete"] = "organization"
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")

    def problem_fields(self):
        return [self[name] for name in PROBLEM_FIELDS]

    def submitter_fields(self):
        return [self[name] for name in (*SUBMITTER_FIELDS, "consent")]

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class IrritantReviewForm(WagtailAdminModelForm):
    """The team's side of an irritant: status, criteria, notes and the answer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        irritant = self.instance
        allowed = {irritant.status, *TRANSITIONS[Status(irritant.status)]}
        if "status" in self.fields:
            self.fields["status"].choices = [
                (value, label) for value, label in Status.choices if value in allowed
            ]
        if "duplicate_of" in self.fields:
            self.fields["duplicate_of"].queryset = Irritant.objects.filter(
                territory_id=irritant.territory_id
            ).exclude(pk=irritant.pk)
            self.fields["duplicate_of"].help_text = _("Required when the status is “Duplicate”.")

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status:
            try:
                check_transition(self.instance, status, cleaned.get("duplicate_of"))
            except forms.ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
        return cleaned
