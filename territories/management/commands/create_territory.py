from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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

    def handle(self, *args, name, slug, hostname, kind, port, **options):
        spec = TerritorySpec(name=name, slug=slug, hostname=hostname, kind=kind, port=port)
        try:
            territory = create_territory(spec)
        except ValidationError as error:
            raise CommandError(
                "\n".join(
                    f"--{field}: {message}"
                    for field, messages in error.message_dict.items()
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
