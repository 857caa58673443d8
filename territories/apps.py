from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = _("Territories")

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.permissions import register_permission_policy

        from .admin_filters import scope_admin_filters
        from .models import Territory
        from .services import open_new_languages
        from .views import SuperusersOnly

        register_permission_policy(Territory, SuperusersOnly(Territory))
        scope_admin_filters()
        # A language added to LANGUAGES reaches the open territories with the next migrate.
        post_migrate.connect(open_new_languages, sender=self)
