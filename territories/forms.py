from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

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

    class Meta:
        model = Territory
        fields = ["name", "slug"]
        labels = {"name": _("Official name"), "slug": _("Slug")}
        help_texts = {
            "name": _("As the territory writes it: “Département du Calvados”."),
            "slug": _("Lowercase letters, digits and hyphens: calvados."),
        }

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
