from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Network hub")

    def ready(self):
        from . import signals  # noqa: F401 - declares the hub's listings to the page cache
