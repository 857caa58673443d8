from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            help="Folder to create (default: var/backups/<date-time>).",
        )

    def handle(self, *args, destination=None, **options):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        destination = Path(destination or settings.VAR_DIR / "backups" / stamp)
        try:
            manifest = backup(destination, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        figures = ", ".join(f"{count} {name}" for name, count in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {destination}: {figures}."))
