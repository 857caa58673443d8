from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from territories.archive import archive_territory, archived_state, restore_territory
from territories.models import Territory


class Command(BaseCommand):
    help = _("Take a territory offline without deleting anything, or bring it back with --restore.")

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument(
            "--restore", action="store_true", help=_("Publish the archived territory again.")
        )

    def handle(self, *args, slug, restore, **options):
        territory = Territory.objects.filter(slug=slug).first()
        if territory is None:
            known = ", ".join(Territory.objects.values_list("slug", flat=True)) or "—"
            raise CommandError(
                _("No territory has the slug “%(slug)s”. Known slugs: %(known)s.")
                % {"slug": slug, "known": known}
            )
        try:
            if restore:
                restore_territory(territory)
            else:
                archive_territory(territory)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        if restore and not territory.is_launched:
            message = _(
                "%(territory)s is restored, still in preparation at %(url)s/ "
                "(%(count)d pages published, seen by its members only)."
            )
        elif restore:
            message = _("%(territory)s is back online at %(url)s/ (%(count)d pages published).")
        else:
            message = _("%(territory)s is archived: %(url)s/ no longer answers (%(count)d pages).")
        self.stdout.write(
            self.style.SUCCESS(
                message
                % {
                    "territory": territory.name,
                    "url": territory.site.root_url,
                    "count": territory.pages().live().count()
                    if restore
                    else len(archived_state(territory)[0]),
                }
            )
        )
