from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from .blocks import body_blocks
from .breadcrumbs import breadcrumbs_of
from .forms import PageForm
from .privacy import restrictions_of
from .sections import sections_of


@dataclass(frozen=True)
class StandardSection:
    """A page every territory opens with (its projects, its news…): declared by the page type
    as ``standard_section``, created under each new territory's home page, in ``order``."""

    slug: str
    title: str
    order: int
    in_menu: bool = True


class BasePage(Page):
    """What every page of the platform has: a short introduction, breadcrumbs, the sections
    apps above add to it (home/sections.py), and one form for every app's checks."""

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
    base_form_class = PageForm
    # A page type says where it may live (``parent_page_types``); its parents leave
    # ``subpage_types`` unset, so adding a page type edits no other model.
    standard_section = None
    # What search engines read of a page with no description of its own: a sentence with
    # the site's name as ``%(name)s`` (index pages, whose introduction is often blank).
    fallback_description = None

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        # An abstract page type named as a parent stands for every page type built on it:
        # ``SiteHomePage``, the home of each site, whichever app declares it.
        if cls._clean_parent_page_models is None:
            declared = super().clean_parent_page_models()
            concrete = [model for model in declared if not model._meta.abstract]
            abstract = [model for model in declared if model._meta.abstract]
            cls._clean_parent_page_models = concrete + [
                model
                for model in get_page_models()
                if model not in concrete and any(issubclass(model, parent) for parent in abstract)
            ]
        return cls._clean_parent_page_models

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: computed only if a part of the page not in the fragment cache shows them
        # (home/templatetags/fragments.py).
        # Ancestors from the site's home page (depth 2) down to the parent.
        context["breadcrumbs"] = SimpleLazyObject(lambda: breadcrumbs_of(self))
        context["sections"] = SimpleLazyObject(lambda: sections_of(self, request))
        return context

    @property
    def meta_description(self):
        return self.search_description or self.intro

    def get_view_restrictions(self):
        # Wagtail checks these before serving: a restriction on any language version of
        # the page or of its ancestors applies (home/privacy.py, the listings' rule too).
        return restrictions_of(self)


class SiteHomePage(BasePage):
    """The home page of a site: the hub's, or a territory's. Page types that may live on
    every site (content pages, the accessibility statement) name it as their parent."""

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        abstract = True


class ContentPage(BasePage):
    """A generic page: the method, about the incubator, legal notices…"""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = [SiteHomePage, "home.ContentPage"]
    standard_section = StandardSection("a-propos", _("About"), order=50)

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

    parent_page_types = [SiteHomePage]
    subpage_types = []
    max_count_per_parent = 1
    # Linked from every page's footer, as the law requires, rather than from the menu.
    standard_section = StandardSection("accessibilite", _("Accessibility"), order=60, in_menu=False)

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


class Generation(models.Model):
    """The current generation of one scope of cached content: the whole network, or one site.

    Everything cached from a scope is stored under its generation; a change gives the scope a
    new one, and what was cached before is never read again. The generations live in the
    database, not in the cache: they change in the same transaction as the content, and every
    process (gunicorn workers with their own local-memory cache) reads the same ones.
    """

    scope = models.CharField(max_length=40, primary_key=True)
    value = models.CharField(max_length=32)

    class Meta:
        # Created by the page cache app, which used to hold it (home/migrations/0003).
        db_table = "pagecache_generation"

    def __str__(self):
        return f"{self.scope}={self.value}"
