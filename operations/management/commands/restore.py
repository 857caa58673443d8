from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder into an empty database and empty file folders."

    def add_arguments(self, parser):
        parser.add_argument("source", help="A folder written by `manage.py backup`.")

    def handle(self, *args, source, **options):
        try:
            found = restore(source, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        figures = ", ".join(f"{count} {name}" for name, count in found.items())
        self.stdout.write(self.style.SUCCESS(f"Restored and checked: {figures}."))
