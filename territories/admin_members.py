"""Admin hooks for the territory's accounts and invitations screens (member_views.py): their
URLs, the « Comptes » menu item and the audit log's actions (members.py logs them)."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import member_views, members


@hooks.register("register_admin_urls")
def register_member_urls():
    return [
        path("territory-accounts/", member_views.choose, name="territory_accounts_choose"),
        path(
            "territory-accounts/<int:territory_id>/",
            member_views.index,
            name="territory_accounts",
        ),
        path(
            "territory-accounts/<int:territory_id>/invite/",
            member_views.invite,
            name="territory_accounts_invite",
        ),
        path(
            "territory-accounts/<int:territory_id>/<int:user_id>/roles/",
            member_views.edit_roles,
            name="territory_accounts_roles",
        ),
        path(
            "territory-accounts/<int:territory_id>/<int:user_id>/deactivate/",
            member_views.deactivate,
            name="territory_accounts_deactivate",
        ),
        path(
            "territory-accounts/<int:territory_id>/<int:user_id>/reactivate/",
            member_views.reactivate,
            name="territory_accounts_reactivate",
        ),
        path(
            "territory-accounts/<int:territory_id>/invitations/<int:invitation_id>/cancel/",
            member_views.cancel_invitation,
            name="territory_accounts_cancel_invitation",
        ),
    ]


class AccountsMenuItem(MenuItem):
    def is_shown(self, request):
        return members.administered_territories(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_accounts_menu_item():
    return AccountsMenuItem(
        gettext_lazy("Accounts"),
        reverse("territory_accounts_choose"),
        name="territory-accounts",
        icon_name="group",
        order=160,
    )


def roles_text(log_entry, key="roles"):
    return ", ".join(members.role_labels(log_entry.data.get(key, []))) or "—"


def account_text(log_entry):
    return log_entry.data.get("email") or log_entry.data.get("username", "")


# Action → (label, message built from the entry's data).
LOG_ACTIONS = {
    "territories.invite": (
        gettext_lazy("Territory: invitation sent"),
        lambda entry: (
            _("Invited %(email)s (%(roles)s)")
            % {"email": account_text(entry), "roles": roles_text(entry)}
        ),
    ),
    "territories.accept": (
        gettext_lazy("Territory: invitation accepted"),
        lambda entry: (
            _("%(email)s accepted the invitation (%(roles)s)")
            % {"email": account_text(entry), "roles": roles_text(entry)}
        ),
    ),
    "territories.cancel_invitation": (
        gettext_lazy("Territory: invitation cancelled"),
        lambda entry: _("Cancelled the invitation to %(email)s") % {"email": account_text(entry)},
    ),
    "territories.set_roles": (
        gettext_lazy("Territory: roles changed"),
        lambda entry: (
            _("Roles of %(account)s: %(roles)s (were: %(previous)s)")
            % {
                "account": account_text(entry),
                "roles": roles_text(entry),
                "previous": roles_text(entry, "previous_roles"),
            }
        ),
    ),
    "territories.deactivate": (
        gettext_lazy("Territory: account deactivated"),
        lambda entry: _("Deactivated the account %(account)s") % {"account": account_text(entry)},
    ),
    "territories.reactivate": (
        gettext_lazy("Territory: account reactivated"),
        lambda entry: _("Reactivated the account %(account)s") % {"account": account_text(entry)},
    ),
}


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    for action, (label, describe) in LOG_ACTIONS.items():
        formatter = type(
            "MemberLogFormatter",
            (LogFormatter,),
            {"label": label, "format_message": lambda self, entry, d=describe: d(entry)},
        )
        actions.register_action(action)(formatter)
