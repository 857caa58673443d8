from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from territories.models import Territory

DEMO_EDITOR_PASSWORD = "demo"


class Command(BaseCommand):
    help = _(
        "Create the development accounts (only when DEBUG is on): the administrator, and an "
        "editor, a publisher and an administrator for each territory."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin")

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            refusal = _("Refused: DEBUG is off, and this account has a known password.")
            raise CommandError(refusal)
        created = self.ensure_user(username, password, is_staff=True, is_superuser=True)
        self.stdout.write(
            _("Admin: %(url)s/admin/ — user “%(username)s”, password “%(password)s”%(note)s")
            % {
                "url": settings.WAGTAILADMIN_BASE_URL,
                "username": username,
                "password": password if created else "…",
                "note": "" if created else _(" (account already existed, password unchanged)"),
            }
        )
        for territory in Territory.objects.select_related(
            "editors", "publishers", "administrators"
        ):
            for role, group in (
                ("redaction", territory.editors),
                ("publication", territory.publishers),
                ("admin", territory.administrators),
            ):
                name = f"{role}-{territory.slug}"
                # An address on a reserved domain: notifications show on the console.
                self.ensure_user(
                    name, DEMO_EDITOR_PASSWORD, groups=[group], email=f"{name}@example.org"
                )
                self.stdout.write(
                    _("  %(group)s: user “%(username)s”, password “%(password)s”")
                    % {"group": group.name, "username": name, "password": DEMO_EDITOR_PASSWORD}
                )

    def ensure_user(self, username, password, groups=(), **flags):
        """Create the account if missing; an existing account keeps its password."""
        user, created = get_user_model().objects.get_or_create(username=username, defaults=flags)
        if created:
            user.set_password(password)
            user.save()
            user.groups.add(*groups)
        return created
