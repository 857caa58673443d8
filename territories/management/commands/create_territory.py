from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from territories.members import (
    ADMINISTRATION_KEY,
    delivery_failed_message,
    invite,
    validate_invitee,
    validity_days,
)
from territories.models import TerritoryKind
from territories.services import TerritorySpec, create_territory


class Command(BaseCommand):
    help = _("Open a new territory: its site, pages, media collection, groups and workflow.")

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help=_("Official name, in French."))
        parser.add_argument("--slug", required=True, help=_("Short identifier, e.g. calvados."))
        parser.add_argument(
            "--hostname", required=True, help=_("Host name, e.g. calvados.localhost.")
        )
        parser.add_argument(
            "--kind", default=TerritoryKind.DEPARTEMENT, choices=TerritoryKind.values
        )
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument(
            "--admin-email",
            default="",
            help=_("Email of the territory's first administrator, who is sent an invitation."),
        )

    def handle(self, *args, name, slug, hostname, kind, port, admin_email, **options):
        spec = TerritorySpec(name=name, slug=slug, hostname=hostname, kind=kind, port=port)
        try:
            # Checked before anything is created; the territory and its invitation are one
            # step (a mail server that fails leaves no territory behind).
            if admin_email:
                admin_email = validate_invitee(admin_email)
            with transaction.atomic():
                territory = create_territory(spec)
                invitation = (
                    invite(territory, admin_email, [ADMINISTRATION_KEY], invited_by=None)
                    if admin_email
                    else None
                )
        except ValidationError as error:
            raise CommandError(
                "\n".join(
                    f"--{FIELD_OPTIONS.get(field, field)}: {message}"
                    for field, messages in error_fields(error)
                    for message in messages
                )
            ) from None
        self.stdout.write(
            self.style.SUCCESS(_("Territory “%(name)s” opened.") % {"name": territory.name})
        )
        for label, value in (
            (_("Site"), f"{territory.site.root_url}/"),
            (_("Pages"), territory.pages().count()),
            (_("Collection"), territory.collection.name),
            (_("Groups"), ", ".join(group.name for group in territory.role_groups().values())),
            (_("Workflow"), territory.workflow.name),
        ):
            self.stdout.write(f"  {label} : {value}")
        if invitation is not None and invitation.delivered is False:
            self.stderr.write(self.style.ERROR(delivery_failed_message(invitation)))
        elif invitation is not None:
            self.stdout.write(
                self.style.SUCCESS(
                    _(
                        "Invitation to administer the territory sent to %(email)s (valid "
                        "%(days)d days)."
                    )
                    % {"email": invitation.email, "days": validity_days()}
                )
            )


# A refusal's field → the option that set it.
FIELD_OPTIONS = {"email": "admin-email"}


def error_fields(error):
    if hasattr(error, "error_dict"):
        return error.message_dict.items()
    return [("admin-email", error.messages)]
