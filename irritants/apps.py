from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IrritantsConfig(AppConfig):
    name = "irritants"
    verbose_name = _("Irritants")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401 - connects the receivers
        from .models import Irritant
        from .permissions import permission_policy

        register_permission_policy(Irritant, permission_policy)
