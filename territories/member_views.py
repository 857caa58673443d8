"""The « Comptes » admin screens: a territory's accounts and invitations (members.py).

Every view takes the territory from the URL and checks that the user administers it; every
account and invitation id is looked up within that territory's own (404 otherwise), so an id
of another territory's, in the URL or in the body, changes nothing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from . import members


def role_choices():
    return [(key, role.label) for key, role in members.ROLES.items()]


class InviteForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=role_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Editing writes pages; Publishing also publishes and reviews; Administration "
            "manages the accounts and the site's identity."
        ),
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"),
        choices=role_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("With no role, the account leaves the territory."),
    )


def add_errors(form, error):
    """A service's refusal onto the form: per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


def territory_for(request, territory_id):
    """The territory of the URL, if the user administers it (404 otherwise: another
    territory's existence is not confirmed)."""
    return get_object_or_404(members.administered_territories(request.user), pk=territory_id)


def account_for(territory, user_id):
    return get_object_or_404(members.territory_accounts(territory), pk=user_id)


def index_url(territory):
    return reverse("territory_accounts", args=[territory.pk])


def choose(request):
    """A superuser (or the administrator of several territories) picks one; the
    administrator of a single territory goes straight to it."""
    territories = list(members.administered_territories(request.user).select_related("site"))
    if not territories:
        raise Http404
    if len(territories) == 1:
        return redirect(index_url(territories[0]))
    return render(request, "territories/members/choose.html", {"territories": territories})


def index(request, territory_id):
    territory = territory_for(request, territory_id)
    accounts = list(members.territory_accounts(territory))
    rows = [
        {"account": account, "roles": members.role_labels(members.roles_of(territory, account))}
        for account in accounts
    ]
    invitations = [
        {"invitation": invitation, "roles": members.role_labels(invitation.roles)}
        for invitation in members.pending_invitations(territory)
    ]
    return render(
        request,
        "territories/members/index.html",
        {
            "territory": territory,
            "rows": rows,
            "invitations": invitations,
            "several": members.administered_territories(request.user)[:2].count() > 1,
        },
    )


def invite(request, territory_id):
    territory = territory_for(request, territory_id)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = members.invite(
                territory,
                form.cleaned_data["email"],
                form.cleaned_data["roles"],
                invited_by=request.user,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            if invitation.delivered is False:
                messages.error(request, members.delivery_failed_message(invitation))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Invitation sent to %(email)s, valid for %(days)d day.",
                        "Invitation sent to %(email)s, valid for %(days)d days.",
                        members.validity_days(),
                    )
                    % {"email": invitation.email, "days": members.validity_days()},
                )
            return redirect(index_url(territory))
    return render(
        request,
        "territories/members/form.html",
        {
            "territory": territory,
            "form": form,
            "heading": _("Invite someone"),
            "submit_label": _("Send the invitation"),
        },
    )


def edit_roles(request, territory_id, user_id):
    territory = territory_for(request, territory_id)
    account = account_for(territory, user_id)
    form = RolesForm(
        request.POST if request.method == "POST" else None,
        initial={"roles": members.roles_of(territory, account)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            members.set_roles(territory, account, form.cleaned_data["roles"], by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Roles of %(name)s saved.") % {"name": display_name(account)}
            )
            return redirect(index_url(territory))
    return render(
        request,
        "territories/members/form.html",
        {
            "territory": territory,
            "form": form,
            "heading": _("Change the roles"),
            "subtitle": display_name(account),
            "submit_label": _("Save"),
        },
    )


def display_name(account):
    return account.get_full_name() or account.email or account.get_username()


def confirm(request, territory, *, heading, text, action, done, button):
    """A confirmation page on GET; on POST, ``action()`` then back to the list (or its
    refusal shown on the list)."""
    if request.method == "POST":
        try:
            action()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, done)
        return redirect(index_url(territory))
    return render(
        request,
        "territories/members/confirm.html",
        {"territory": territory, "heading": heading, "text": text, "button": button},
    )


@require_http_methods(["GET", "POST"])
def deactivate(request, territory_id, user_id):
    territory = territory_for(request, territory_id)
    account = account_for(territory, user_id)
    name = display_name(account)
    return confirm(
        request,
        territory,
        heading=_("Deactivate %(name)s") % {"name": name},
        text=_(
            "%(name)s will no longer be able to sign in. Their roles are kept, so that "
            "reactivating the account gives them back."
        )
        % {"name": name},
        action=lambda: members.deactivate(territory, account, by=request.user),
        done=_("%(name)s's account is deactivated.") % {"name": name},
        button=_("Deactivate"),
    )


@require_http_methods(["GET", "POST"])
def reactivate(request, territory_id, user_id):
    territory = territory_for(request, territory_id)
    account = account_for(territory, user_id)
    name = display_name(account)
    return confirm(
        request,
        territory,
        heading=_("Reactivate %(name)s") % {"name": name},
        text=_("%(name)s will be able to sign in again, with their roles.") % {"name": name},
        action=lambda: members.reactivate(territory, account, by=request.user),
        done=_("%(name)s's account is active again.") % {"name": name},
        button=_("Reactivate"),
    )


@require_http_methods(["GET", "POST"])
def cancel_invitation(request, territory_id, invitation_id):
    territory = territory_for(request, territory_id)
    invitation = get_object_or_404(members.pending_invitations(territory), pk=invitation_id)
    return confirm(
        request,
        territory,
        heading=_("Cancel the invitation"),
        text=_("The link sent to %(email)s will no longer work.") % {"email": invitation.email},
        action=lambda: members.cancel_invitation(territory, invitation, by=request.user),
        done=_("The invitation to %(email)s is cancelled.") % {"email": invitation.email},
        button=_("Cancel the invitation"),
    )
