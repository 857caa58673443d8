from django.core.management.base import BaseCommand

from irritants.services import purge_expired


class Command(BaseCommand):
    help = (
        "Erase the name, email, service and attachment of irritants older than their "
        "territory's retention period. Safe to run again (daily, from cron)."
    )

    def handle(self, *args, **options):
        touched = purge_expired()
        for territory, count in touched.items():
            self.stdout.write(f"{territory.slug}: {count}")
        total = sum(touched.values())
        self.stdout.write(self.style.SUCCESS(f"{total} irritant(s) anonymised."))
