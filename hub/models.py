from django.utils.functional import SimpleLazyObject as lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import body_blocks
from home.models import SiteHomePage
from projects.queries import latest_news_with_territories
from territories.queries import live_territories

from .home import network_figures, territory_cards


class NetworkHomePage(SiteHomePage):
    """The hub: root of the default site, presents the network and all its territories."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = SiteHomePage.content_panels + [FieldPanel("body")]
    search_fields = SiteHomePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        # Created by the core app, which used to hold it (hub/migrations/0001).
        db_table = "home_networkhomepage"
        verbose_name = _("network home page")
        verbose_name_plural = _("network home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: computed only if the page's content is not in the fragment cache.
        territories = lazy(lambda: live_territories(self.locale))
        context["territories"] = territories
        context["territory_cards"] = lazy(lambda: territory_cards(territories))
        context["figures"] = lazy(lambda: network_figures(territories, self.locale_id))
        context["latest_news"] = lazy(
            lambda: latest_news_with_territories(territories, locale=self.locale)
        )
        return context
