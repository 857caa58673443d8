from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import body_blocks


class BasePage(Page):
    """What every page of the platform has: a short introduction and its territory."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_(
            "Two or three sentences shown at the top of the page and in listings. "
            "Also used as the description for search engines when none is set."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    @cached_property
    def territory(self):
        """The territory home page this page belongs to, or None on the network hub."""
        from territories.models import TerritoryHomePage

        return TerritoryHomePage.objects.ancestor_of(self, inclusive=True).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Ancestors from the site's home page (depth 2) down to the parent.
        context["breadcrumbs"] = (
            list(self.get_ancestors().filter(depth__gte=2)) if self.depth > 2 else []
        )
        return context

    @property
    def meta_description(self):
        return self.search_description or self.intro


class NetworkHomePage(BasePage):
    """The hub: root of the default site, presents the network and all its territories."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ContentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("network home page")
        verbose_name_plural = _("network home pages")

    def get_context(self, request, *args, **kwargs):
        from projects.queries import latest_news_with_territories
        from territories.queries import live_territories

        context = super().get_context(request, *args, **kwargs)
        territories = live_territories(self.locale)
        context["territories"] = territories
        context["latest_news"] = latest_news_with_territories(territories, locale=self.locale)
        return context


class ContentPage(BasePage):
    """A generic page: the method, about the incubator, legal notices…"""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = [
        "home.NetworkHomePage",
        "home.ContentPage",
        "territories.TerritoryHomePage",
    ]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
