from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import body_blocks
from home.models import BasePage


class ResultsPage(BasePage):
    """What the territory's incubator has achieved. Computed figures come later."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["territories.TerritoryHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("results page")
        verbose_name_plural = _("results pages")
