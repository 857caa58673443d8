from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """How the platform runs: its health check, the login lockout, backups."""

    name = "operations"
    verbose_name = _("Operations")
