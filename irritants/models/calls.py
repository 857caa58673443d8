from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import SHORT_RICH_TEXT, body_blocks
from home.models import BasePage, StandardSection
from projects.models.cards import CardImage


class CallIndexPage(BasePage):
    """The territory's calls for irritants, latest first."""

    parent_page_types = ["territories.TerritoryHomePage"]
    max_count_per_parent = 1
    standard_section = StandardSection("appels", _("Calls for irritants"), order=10)
    fallback_description = _(
        "%(name)s: the calls for irritants. Tell the team what gets in the way of your work; "
        "a territorial startup takes it on."
    )

    class Meta:
        # The tables were created by the projects app, which held calls before (0004).
        db_table = "projects_callindexpage"
        verbose_name = _("calls for irritants index")
        verbose_name_plural = _("calls for irritants indexes")

    def get_context(self, request, *args, **kwargs):
        from ..queries import calls_of

        context = super().get_context(request, *args, **kwargs)
        context["calls"] = calls_of(self)
        return context


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CallForIrritantsPage(RoutablePageMixin, CardImage, BasePage):
    """One call: agents report everyday problems between its opening and closing dates.

    The page carries the submission form (``irritants/views.py``) while the call is open.
    """

    eligibility = RichTextField(
        _("who may answer"),
        features=SHORT_RICH_TEXT,
        help_text=_("Which agents may report an irritant, whatever their service."),
    )
    opens_on = models.DateField(_("opening date"))
    closes_on = models.DateField(
        _("closing date"), help_text=_("Last day on which irritants are received.")
    )
    next_steps = RichTextField(
        _("what happens next"),
        features=SHORT_RICH_TEXT,
        help_text=_("How irritants are reviewed, when agents get an answer, what follows."),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("more details"))
    publish_results = models.BooleanField(
        _("publish the results"),
        default=False,
        help_text=_(
            "Show the number of irritants per status and the titles of the selected ones. "
            "Nothing personal is ever shown."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates")),
        FieldPanel("eligibility"),
        FieldPanel("next_steps"),
        FieldPanel("body"),
        FieldPanel("publish_results"),
    ]
    promote_panels = BasePage.promote_panels + CardImage.card_image_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("eligibility"),
        index.SearchField("next_steps"),
        index.SearchField("body"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]

    parent_page_types = ["irritants.CallIndexPage"]
    subpage_types = []

    class Meta:
        db_table = "projects_callforirritantspage"
        verbose_name = _("call for irritants")
        verbose_name_plural = _("calls for irritants")

    @path("")
    def call(self, request):
        from ..views import call_page

        return call_page(request, self)

    @path("merci/", name="irritant_received")
    def irritant_received(self, request):
        from ..views import confirmation

        return confirmation(request, self)

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The call cannot close before it opens.")})

    @property
    def status(self):
        today = timezone.localdate()
        if today < self.opens_on:
            return CallStatus.UPCOMING
        if today > self.closes_on:
            return CallStatus.CLOSED
        return CallStatus.OPEN
