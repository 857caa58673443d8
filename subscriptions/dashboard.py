"""The dashboard's count of a territory's subscribers: a number, never the addresses."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from territories.panels import TerritoryPanel

from .models import Subscription


class SubscribersPanel(TerritoryPanel):
    """How many addresses follow the territory's news or its projects, confirmed ones only:
    one query. Addresses are personal data: no listing shows them, in the admin or elsewhere."""

    roles = ("publishing", "administration")
    slot = 80
    heading = _("Email subscribers")
    icon = "mail"
    rows_template = None

    def get_items(self, user):
        figures = Subscription.objects.filter(
            territory=self.territory, confirmed_at__isnull=False
        ).aggregate(
            addresses=Count("email", distinct=True),
            news=Count("pk", filter=Q(project=None)),
            projects=Count("pk", filter=Q(project__isnull=False)),
        )
        self.figures = figures
        return {"count": figures["addresses"], "rows": []}

    @property
    def empty_message(self):
        figures = self.figures
        if not figures["addresses"]:
            return _(
                "Nobody follows the news by email yet: visitors subscribe from the news page "
                "and from each project page."
            )
        return (
            ngettext(
                "%(news)s subscription to the territory's news and %(projects)s to projects. "
                "Addresses are personal data: they are not shown.",
                "%(news)s subscriptions to the territory's news and %(projects)s to projects. "
                "Addresses are personal data: they are not shown.",
                figures["news"],
            )
            % figures
        )
