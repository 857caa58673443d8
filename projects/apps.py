from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects, news and results")

    def ready(self):
        from wagtail.admin.panels import InlinePanel

        from territories.models import TerritoryHomePage

        from . import signals  # noqa: F401 - connects the receivers

        # A territory's home page shows its highlighted projects (wagtail_hooks.py): their
        # panel joins the home page's form, which the territories app builds without them.
        TerritoryHomePage.content_panels = [
            *TerritoryHomePage.content_panels,
            InlinePanel(
                "highlights",
                heading=_("Highlighted projects"),
                label=_("Project"),
                max_num=6,
                help_text=_("When empty, the latest projects are shown."),
            ),
        ]
