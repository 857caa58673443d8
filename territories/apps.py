from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = _("Territories")

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.permissions import register_permission_policy

        from . import publication
        from .admin_filters import scope_admin_filters
        from .models import Territory
        from .services import after_migrate
        from .views import SuperusersOnly

        register_permission_policy(Territory, SuperusersOnly(Territory))
        scope_admin_filters()
        publication.connect()
        # New languages reach the open territories, and the access model is applied again.
        post_migrate.connect(after_migrate, sender=self)
        from . import synchronised_trees  # noqa: F401 - connects its receivers
