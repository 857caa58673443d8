import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from territories.email_domains import address_allowed

from .attachments import ACCEPTED_EXTENSIONS, IRRITANTS_MAX_ATTACHMENTS, validate_attachment
from .models import TRANSITIONS, Irritant, IrritantAttachment, Status
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
    "attachments",
)
SUBMITTER_FIELDS = ("submitter_name", "submitter_email", "submitter_service")


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to IRRITANTS_MAX_ATTACHMENTS files from one ``<input type="file" multiple>``, each
    checked by ``validate_attachment``; cleans to a list (empty when none is chosen)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [data] if data and not isinstance(data, (list, tuple)) else list(data or ())
        files = [upload for upload in files if upload]
        if len(files) > IRRITANTS_MAX_ATTACHMENTS:
            raise ValidationError(
                _("You chose %(count)s files: attach %(max)s at most.")
                % {"count": len(files), "max": IRRITANTS_MAX_ATTACHMENTS},
                code="too_many",
            )
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append(super().clean(upload, initial))
                validate_attachment(upload)
            except ValidationError as error:
                # Each message names its file: the agent knows which one to replace.
                errors += [
                    ValidationError(
                        _("“%(name)s”: %(message)s") % {"name": upload.name, "message": message}
                    )
                    for message in error.messages
                ]
        if errors:
            raise ValidationError(errors)
        return cleaned


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
    attachments = AttachmentsField(label=_("Documents that show the problem (optional)"))

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
            # No town: the form serves every territory.
            "service": _("Where you see the problem, for example “Social action, front desk”."),
            "solution_idea": _("Not required: the team looks at the problem first."),
            "submitter_email": _("We send the acknowledgement and our answer there."),
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 6}),
            "consequences": forms.Textarea(attrs={"rows": 4}),
            "solution_idea": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, retention_months, email_domains, **kwargs):
        super().__init__(*args, **kwargs)
        # The domains of the territory's agents (territories/email_domains.py); none: any.
        self.email_domains = list(email_domains)
        self.fields["consent"].help_text = _(
            "Your details are kept for %(months)s months, then erased. Only the incubator team "
            "reads them; nothing personal is ever published."
        ) % {"months": retention_months}
        attachments = self.fields["attachments"]
        attachments.widget.attrs["accept"] = ",".join(f".{ext}" for ext in ACCEPTED_EXTENSIONS)
        attachments.help_text = _(
            "Up to %(max)s files: PDF, image or office document, %(size)s at most each."
        ) % {
            "max": IRRITANTS_MAX_ATTACHMENTS,
            "size": filesizeformat(settings.IRRITANTS_ATTACHMENT_MAX_BYTES),
        }
        if self.email_domains:
            self.fields["submitter_email"].help_text = _(
                "Your address at %(domains)s. We send the acknowledgement and our answer there."
            ) % {"domains": self.domains_list()}
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

    def domains_list(self):
        return get_text_list([f"@{domain}" for domain in self.email_domains], _("or"))

    def clean_submitter_email(self):
        email = self.cleaned_data["submitter_email"]
        if not address_allowed(email, self.email_domains):
            # The acknowledgement must not be a way to send mail to strangers.
            raise ValidationError(
                _(
                    "This form accepts only the work addresses of the territory's agents, "
                    "ending in %(domains)s."
                )
                % {"domains": self.domains_list()},
                code="domain",
            )
        return email

    def _save_m2m(self):
        super()._save_m2m()
        # After the irritant is saved (``save_m2m`` when saved with commit=False).
        for upload in self.cleaned_data.get("attachments", ()):
            IrritantAttachment.objects.create(irritant=self.instance, file=upload)

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
