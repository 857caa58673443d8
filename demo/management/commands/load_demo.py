from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from demo.irritants import load_demo_irritants
from demo.loader import DemoLoader


class Command(BaseCommand):
    help = _("Build the demo network: the hub and four territories with their projects.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help=_("Port the demo sites are served on (used in links between sites)."),
        )

    def handle(self, *args, port, **options):
        pages_before = Page.objects.count()
        DemoLoader(port=port, log=self.stdout.write).load()
        irritants = load_demo_irritants(log=self.stdout.write)
        created = Page.objects.count() - pages_before
        if created or irritants:
            self.stdout.write(
                self.style.SUCCESS(_("%(count)d pages created.") % {"count": created})
            )
        else:
            self.stdout.write(_("The demo is already loaded: nothing to do."))
        for site in Site.objects.order_by("-is_default_site", "hostname"):
            self.stdout.write(f"  {site.root_url}/  {site.site_name}")
