from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Create the development administrator account (only when DEBUG is on).")

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin")

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            refusal = _("Refused: DEBUG is off, and this account has a known password.")
            raise CommandError(refusal)
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
        self.stdout.write(
            _("Admin: %(url)s/admin/ — user “%(username)s”, password “%(password)s”%(note)s")
            % {
                "url": settings.WAGTAILADMIN_BASE_URL,
                "username": username,
                "password": password if created else "…",
                "note": "" if created else _(" (account already existed, password unchanged)"),
            }
        )
