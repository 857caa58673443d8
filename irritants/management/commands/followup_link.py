"""A new follow-up link for an agent who lost theirs (support), or for the demo."""

from django.core.management.base import BaseCommand, CommandError

from irritants.models import Irritant
from irritants.services import issue_followup_link


class Command(BaseCommand):
    help = (
        "Print a new follow-up link for an irritant, by reference. The previous link stops "
        "working. Give the link to the agent who reported it only."
    )

    def add_arguments(self, parser):
        parser.add_argument("reference", help="The irritant's reference, e.g. IRR-ABCD-EFGH.")

    def handle(self, reference, **options):
        irritant = (
            Irritant.objects.select_related("territory__site", "call")
            .filter(reference=reference.strip().upper())
            .first()
        )
        if irritant is None:
            raise CommandError(f"No irritant has the reference {reference}.")
        link = issue_followup_link(irritant)
        if link is None:
            raise CommandError(
                f"{irritant.reference} was purged: its personal data and its follow-up page "
                "no longer exist."
            )
        self.stdout.write(link)
