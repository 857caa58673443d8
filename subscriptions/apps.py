from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Email subscriptions")

    def ready(self):
        from operations.backup import count_in_backups
        from territories.services import territory_archived

        from . import services
        from .models import Subscription

        territory_archived.connect(
            lambda territory, **kwargs: services.erase_territory_subscribers(territory),
            weak=False,
            dispatch_uid="erase_archived_territory_subscribers",
        )

        # Subscribers' addresses are personal data a restore must bring back: the backup
        # dumps the whole database (every table); the manifest counts them.
        count_in_backups("subscriptions", Subscription)
