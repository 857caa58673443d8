from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject as lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import body_blocks
from home.models import BasePage, StandardSection
from territories.references import MESSAGES, refused_references, territory_of

from ..forms import NewsPageForm
from .cards import CardImage


class NewsIndexPage(BasePage):
    """The territory's news, latest first, ten per page."""

    per_page = 10

    parent_page_types = ["territories.TerritoryHomePage"]
    max_count_per_parent = 1
    standard_section = StandardSection("actualites", _("News"), order=30)
    fallback_description = _(
        "%(name)s: the news of its territorial startups, their launches, results and next steps."
    )

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from ..queries import news_page

        context = super().get_context(request, *args, **kwargs)
        # Lazy: computed only if the page's content is not in the fragment cache.
        context["news"] = lazy(lambda: news_page(self, request.GET.get("page"), self.per_page))
        return context


class NewsPage(CardImage, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("body"),
        InlinePanel("related_projects", heading=_("Related projects"), label=_("Project")),
    ]
    promote_panels = BasePage.promote_panels + CardImage.card_image_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["projects.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def get_context(self, request, *args, **kwargs):
        from ..queries import projects_of_news

        context = super().get_context(request, *args, **kwargs)
        context["related_projects"] = lazy(lambda: projects_of_news(self))
        return context

    @property
    def summary(self):
        return self.intro

    def clean(self):
        super().clean()
        # Whoever saves, from the admin or not: a news item of one territory would otherwise
        # show on another territory's project page and feed. (A page not yet in the tree has
        # no territory yet: the save that places it checks again.)
        if self.path and refused_references(
            self, territory=territory_of(self), fields=["related_projects"]
        ):
            raise ValidationError(MESSAGES["project"])


class NewsPageProject(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "projects.ProjectPage",
        on_delete=models.CASCADE,
        related_name="news_links",
        verbose_name=_("project"),
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = _("related project")
        verbose_name_plural = _("related projects")
