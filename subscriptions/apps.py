from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Email subscriptions")

    def ready(self):
        from operations.backup import count_in_backups

        from .models import Subscription

        # Subscribers' addresses are personal data a restore must bring back: the backup
        # dumps the whole database (every table); the manifest counts them.
        count_in_backups("subscriptions", Subscription)
