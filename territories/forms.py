from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .members import validate_invitee, validity_days
from .models import Territory, TerritoryKind
from .services import TerritorySpec, validate_spec


class TerritoryForm(forms.ModelForm):
    """The "Ajouter un territoire" form: the fields of create_territory, validated by it."""

    hostname = forms.CharField(
        label=_("Host name"),
        max_length=253,
        help_text=_("The address citizens type, without http://: calvados.example.fr"),
    )
    kind = forms.ChoiceField(label=_("Kind of local government"), choices=TerritoryKind.choices)
    port = forms.IntegerField(label=_("Port"), initial=80, min_value=1, max_value=65535)
    admin_email = forms.EmailField(
        label=_("Email of the first administrator"),
        required=False,
    )

    class Meta:
        model = Territory
        fields = ["name", "slug"]
        labels = {"name": _("Official name"), "slug": _("Slug")}
        help_texts = {
            "name": _("As the territory writes it: “Département du Calvados”."),
            "slug": _("Lowercase letters, digits and hyphens: calvados."),
        }

    class Media:
        # Fills the slug and host name from the name as one types (until one edits them).
        js = ["territories/territory-form.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["admin_email"].help_text = _(
            "Optional. This person is sent an invitation (valid %(days)d days) to the "
            "territory's Administration role, to invite the others."
        ) % {"days": validity_days()}
        # The hub's host name, from which a territory's is suggested: <slug>.<hub>.
        hub = Site.objects.filter(is_default_site=True).values_list("hostname", flat=True).first()
        self.fields["name"].widget.attrs["data-territory-name"] = ""
        self.fields["slug"].widget.attrs["data-territory-slug"] = ""
        self.fields["hostname"].widget.attrs.update(
            {"data-territory-hostname": "", "data-hub-hostname": hub or ""}
        )

    def clean_admin_email(self):
        email = self.cleaned_data["admin_email"]
        if not email:
            return ""
        try:
            return validate_invitee(email)
        except ValidationError as error:
            raise ValidationError(error.message_dict["email"]) from None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        self.spec = TerritorySpec(
            name=cleaned["name"],
            slug=cleaned["slug"],
            hostname=cleaned["hostname"],
            kind=cleaned["kind"],
            port=cleaned["port"],
        )
        try:
            validate_spec(self.spec)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned

    def validate_unique(self):
        # validate_spec checks the slug, with the same message as the command.
        pass
