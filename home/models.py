from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from territories.reference_forms import TerritoryPageForm

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
    # Refuses chosen pages, images and documents out of the territory's reach.
    base_form_class = TerritoryPageForm

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

    def get_view_restrictions(self):
        # Wagtail checks these before serving: a restriction on any language version of
        # the page or of its ancestors applies (home/privacy.py, the listings' rule too).
        from .privacy import view_restrictions

        return view_restrictions(self)


class NetworkHomePage(BasePage):
    """The hub: root of the default site, presents the network and all its territories."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.ContentPage", "home.AccessibilityPage"]
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


class ComplianceStatus(models.TextChoices):
    # The three levels French law (décret n° 2019-768) lets a statement declare.
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AccessibilityPage(BasePage):
    """The accessibility statement every public website owes its users, one per site.

    The structure is the law's: compliance status, test results, what is not accessible,
    how the statement was made, how to report a problem and where to appeal. Editors fill
    in the facts; the fixed wording is in the template, so every territory states it alike.
    """

    compliance_status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.NONE,
        help_text=_("“Not compliant” until an audit has measured the site against the RGAA."),
    )
    compliance_rate = models.PositiveSmallIntegerField(
        _("share of RGAA criteria met (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("From the latest audit. Leave empty when no audit has been made."),
    )
    audit_date = models.DateField(_("audit date"), null=True, blank=True)
    audited_by = models.CharField(_("audited by"), max_length=150, blank=True)
    statement_date = models.DateField(_("statement made on"), default=date.today)
    non_compliant_content = RichTextField(
        _("non-accessible content"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What does not meet the criteria, and when it will be fixed."),
    )
    exemptions = RichTextField(
        _("exemptions"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Content exempted from the obligation, with the reason (disproportionate "
            "burden, third-party content…)."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("compliance_status"),
                FieldPanel("compliance_rate"),
                FieldPanel("audit_date"),
                FieldPanel("audited_by"),
                FieldPanel("statement_date"),
            ],
            heading=_("Compliance"),
        ),
        FieldPanel("non_compliant_content"),
        FieldPanel("exemptions"),
    ]

    parent_page_types = ["home.NetworkHomePage", "territories.TerritoryHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self):
        super().clean()
        if self.compliance_status != ComplianceStatus.NONE and self.audit_date is None:
            raise ValidationError(
                {"audit_date": _("A compliance level other than “not compliant” needs an audit.")}
            )
        if self.compliance_status == ComplianceStatus.FULL and self.compliance_rate not in (
            None,
            100,
        ):
            raise ValidationError(
                {"compliance_rate": _("A fully compliant site meets 100 % of the criteria.")}
            )
