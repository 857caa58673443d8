"""Accepting an invitation (members.py): the page the emailed link opens, outside the admin
(the person has no account yet, or is not signed in)."""

from django import forms
from django.conf import settings
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import members

# The backend a newly accepted account is signed in with (django-axes' backend only counts
# failures).
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


class NewAccountForm(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Type the same password, to check it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password2"):
            if cleaned["password1"] != cleaned["password2"]:
                self.add_error("password2", _("The two passwords differ."))
        return cleaned

    def chosen_password(self):
        return self.cleaned_data["password1"]

    def password_field(self, field):
        return "password1" if field == "password" else field


class ExistingAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def chosen_password(self):
        return self.cleaned_data["password"]

    def password_field(self, field):
        return field


# Where the emailed link's token is kept once opened, as Django's password reset does: the
# token leaves the address bar (history, access logs, Referer) after the first visit.
SESSION_TOKEN = "_invitation_token"


@never_cache
def open_invitation(request, token):
    """The emailed link: keeps a usable token in the session and redirects to the page
    without it."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            members.find_invitation(token)
        except ValidationError as error:
            return invalid(request, error)
    request.session[SESSION_TOKEN] = token
    return redirect(reverse("invitations:accept_pending"))


def invalid(request, error):
    status = {"expired": 410, "cancelled": 410, "inactive": 410, "conflict": 409}.get(
        error.code, 404
    )
    return render(
        request,
        "territories/invitation_invalid.html",
        {"message": error.messages[0]},
        status=status,
    )


@never_cache
@sensitive_post_parameters("password", "password1", "password2")
def accept_invitation(request):
    # The invitation and its page are in French, whatever the browser asks for.
    with translation.override(settings.LANGUAGE_CODE):
        return accept_invitation_page(request, request.session.get(SESSION_TOKEN, ""))


def accept_invitation_page(request, token):
    try:
        invitation = members.find_invitation(token)
    except ValidationError as error:
        return invalid(request, error)
    account = members.existing_account(invitation)
    form_class = ExistingAccountForm if account else NewAccountForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = members.accept(token, form.chosen_password(), request=request)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, messages in error.message_dict.items():
                    form.add_error(form.password_field(field), messages)
            else:
                return invalid(request, error)
        else:
            login(request, user, backend=LOGIN_BACKEND)
            request.session.pop(SESSION_TOKEN, None)
            return redirect(reverse("wagtailadmin_home"))
    return render(
        request,
        "territories/invitation.html",
        {
            "invitation": invitation,
            "roles": members.role_labels(invitation.roles),
            "account": account,
            "form": form,
        },
    )
