from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = _("Territories")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import signals  # noqa: F401 - connects the receivers
        from .admin_filters import scope_admin_filters
        from .models import Territory
        from .permissions import SuperusersOnly

        register_permission_policy(Territory, SuperusersOnly(Territory))
        scope_admin_filters()
