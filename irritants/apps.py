from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IrritantsConfig(AppConfig):
    name = "irritants"
    verbose_name = _("Irritants")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
