"""Send the news published since the last run to their email subscribers, and the daily
digests due; erase the addresses never confirmed. ``run_scheduler`` runs the same each
minute (subscriptions/wagtail_hooks.py)."""

from django.core.management.base import BaseCommand

from subscriptions import services


class Command(BaseCommand):
    help = "Send published news to email subscribers (and the daily digests due)."

    def handle(self, *args, **options):
        erased, deliveries = services.run()
        for delivery in deliveries:
            self.stdout.write(
                f"{delivery.territory}: {delivery.title} — {delivery.emails} email(s)"
            )
        self.stdout.write(
            f"{len(deliveries)} sending(s); {erased} unconfirmed subscription(s) erased."
        )
