from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.catalogues import fill_source_catalogue, source_catalogue


class Command(BaseCommand):
    help = gettext_lazy("Fill the English catalogue: each message is its own English msgid.")

    def handle(self, *args, **options):
        changed = fill_source_catalogue()
        self.stdout.write(
            _("%(path)s: %(count)d entries filled.")
            % {"path": source_catalogue(), "count": changed}
        )
