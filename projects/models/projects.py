from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject as lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import SHORT_RICH_TEXT, body_blocks
from home.models import BasePage, StandardSection

from ..blocks import indicator_blocks
from ..charts import line_chart
from ..forms import ProjectPageForm
from ..indicators import Indicator
from ..panels import PhaseHistoryPanel
from ..phases import Phase, current_phase, validate_phase_history
from .cards import CardImage
from .taxonomy import in_default_language


class ProjectIndexPage(BasePage):
    """The territory's startups."""

    parent_page_types = ["territories.TerritoryHomePage"]
    max_count_per_parent = 1
    standard_section = StandardSection("projets", _("Projects"), order=20)
    fallback_description = _(
        "%(name)s: the projects of its territorial startups, where each one stands and what "
        "it changes for the people it serves."
    )

    class Meta:
        verbose_name = _("projects index")
        verbose_name_plural = _("projects indexes")

    def get_context(self, request, *args, **kwargs):
        from ..queries import project_listing

        context = super().get_context(request, *args, **kwargs)
        context["projects"] = project_listing(ProjectPage.objects.child_of(self))
        return context


class ProjectPage(CardImage, BasePage):
    """A startup de territoire: the problem it tackles, its team and where it stands."""

    pitch = models.CharField(
        _("pitch"), max_length=200, help_text=_("The project in one sentence.")
    )
    problem = RichTextField(
        _("the problem"),
        features=SHORT_RICH_TEXT,
        help_text=_("The irritant: who suffers from it, how often, with figures if possible."),
    )
    solution = RichTextField(
        _("the solution"),
        features=SHORT_RICH_TEXT,
        help_text=_("What the team builds and how it changes things for users."),
    )
    current_phase = models.CharField(
        _("current phase"),
        max_length=20,
        choices=Phase.choices,
        blank=True,
        editable=False,
        help_text=_("Derived from the phase history."),
    )
    sponsor_service = models.CharField(
        _("sponsor service"),
        max_length=150,
        blank=True,
        help_text=_("The department or service that sponsors the project."),
    )
    budget = models.PositiveIntegerField(
        _("budget (euros)"), null=True, blank=True, help_text=_("Total budget in euros.")
    )
    service_url = models.URLField(_("service address"), blank=True)
    source_code_url = models.URLField(_("source code address"), blank=True)
    statistics_url = models.URLField(_("statistics address"), blank=True)
    # Filed under the default language's terms, whatever the page's language.
    themes = ParentalManyToManyField(
        "projects.Theme",
        blank=True,
        limit_choices_to=in_default_language,
        verbose_name=_("themes"),
    )
    user_types = ParentalManyToManyField(
        "projects.UserType",
        blank=True,
        limit_choices_to=in_default_language,
        verbose_name=_("user types"),
    )
    body = StreamField(body_blocks(), blank=True, verbose_name=_("more details"))
    indicators = StreamField(
        indicator_blocks(),
        blank=True,
        verbose_name=_("impact indicators"),
        help_text=_(
            "Follow the beta.gouv.fr impact matrix: is the service usable, used, useful, "
            "does it change things, at what cost? Add each measurement with its date."
        ),
    )
    shareable = models.BooleanField(
        _("offered to other territories"),
        default=False,
        help_text=_(
            "Listed among the projects to reuse on the network's site: other territories may "
            "start from a copy of this page."
        ),
    )
    reused_from = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("reused from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reuses",
        help_text=_("The project of another territory this one started from."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("pitch"),
        FieldPanel("problem"),
        FieldPanel("solution"),
        PhaseHistoryPanel(
            "phases",
            heading=_("Phase history"),
            label=_("Phase"),
            help_text=_("One line per phase, oldest first. The current phase is the latest one."),
        ),
        InlinePanel(
            "decisions",
            heading=_("Evaluation decisions"),
            label=_("Decision"),
            help_text=_("What each evaluation decided, including the 6-month user evaluation."),
        ),
        InlinePanel("team_members", heading=_("Team"), label=_("Team member")),
        FieldPanel("indicators"),
        MultiFieldPanel(
            [FieldPanel("sponsor_service"), FieldPanel("budget")],
            heading=_("Sponsor and budget"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("service_url"),
                FieldPanel("source_code_url"),
                FieldPanel("statistics_url"),
            ],
            heading=_("Links"),
        ),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("user_types")], heading=_("Classification")
        ),
        FieldPanel("body"),
    ]
    promote_panels = (
        BasePage.promote_panels
        + CardImage.card_image_panels
        + [
            MultiFieldPanel(
                [FieldPanel("shareable"), FieldPanel("reused_from", read_only=True)],
                heading=_("Sharing with the network"),
            ),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("pitch"),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("body"),
        index.FilterField("current_phase"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []
    base_form_class = ProjectPageForm

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @property
    def meta_description(self):
        return super().meta_description or self.pitch

    def phase_entries(self):
        return [
            {"phase": p.phase, "start_date": p.start_date, "end_date": p.end_date}
            for p in self.phases.all()
        ]

    def clean(self):
        super().clean()
        validate_phase_history(self.phase_entries())

    def save(self, *args, **kwargs):
        self.current_phase = current_phase(self.phase_entries())
        return super().save(*args, **kwargs)

    def impact_indicators(self):
        return [Indicator.from_block(block.value) for block in self.indicators]

    def timeline(self):
        """Phases and decisions in one list, oldest first: what happened, and what was decided."""
        entries = [("phase", phase.start_date, phase) for phase in self.phases.all()]
        entries += [("decision", decision.date, decision) for decision in self.decisions.all()]
        # A decision closes the phase it evaluates, so it comes before a phase starting that day.
        entries.sort(key=lambda entry: (entry[1], entry[0] == "phase"))
        return [{"kind": kind, "date": day, "item": item} for kind, day, item in entries]

    def get_context(self, request, *args, **kwargs):
        from ..queries import latest_news_about, reused_origin  # it imports the models

        context = super().get_context(request, *args, **kwargs)
        # Lazy: computed only if the page's content is not in the fragment cache
        # (home/templatetags/fragments.py).
        context.update(
            timeline=lazy(self.timeline),
            indicators=lazy(
                lambda: [
                    (indicator, line_chart(indicator)) for indicator in self.impact_indicators()
                ]
            ),
            reused_from=lazy(lambda: reused_origin(self)),
            team=lazy(lambda: list(self.team_members.all())),
            themes=lazy(lambda: list(self.themes.all())),
            user_types=lazy(lambda: list(self.user_types.all())),
            news=lazy(lambda: latest_news_about(self, limit=5)),
        )
        return context


class TranslatableChild(TranslatableMixin, Orderable):
    """A line of a project page that wagtail-localize translates with the page: its text is
    in the translator's PO file, and each language's page keeps its own copy (``locale``),
    matched to the original's line by ``translation_key``."""

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True


class ProjectPhase(TranslatableChild):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while the phase goes on.")
    )
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    panels = [
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("comment"),
    ]

    class Meta(TranslatableChild.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["start_date"]


class Decision(models.TextChoices):
    CONTINUE = "continue", _("Continue")
    STOP = "stop", _("Stop")
    SCALE_UP = "scale_up", _("Scale up")


class Evaluation(models.TextChoices):
    USER_EVALUATION = "user_evaluation", _("6-month user evaluation")
    COMMITTEE = "committee", _("Committee deliberation")


class ProjectDecision(TranslatableChild):
    """An evaluation's verdict on the project: go on, stop, or scale up."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="decisions")
    date = models.DateField(_("date"))
    evaluation = models.CharField(
        _("evaluation"), max_length=20, choices=Evaluation.choices, default=Evaluation.COMMITTEE
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = models.TextField(
        _("reason"),
        max_length=600,
        help_text=_("Why: what the users said, the figures the decision rests on."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("evaluation"), FieldPanel("decision")]),
        FieldPanel("reason"),
    ]

    class Meta(TranslatableChild.Meta):
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["date"]

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError(
                {"date": _("Record a decision once it has been taken: this date is in the future.")}
            )


class TeamRole(models.TextChoices):
    INTRAPRENEUR = "intrapreneur", _("Intrapreneur")
    COACH = "coach", _("Coach")
    OTHER = "other", _("Other")


class ProjectTeamMember(TranslatableChild):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(_("name"), max_length=120)
    role_kind = models.CharField(
        _("kind of role"), max_length=20, choices=TeamRole.choices, default=TeamRole.OTHER
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example “Developer”.")
    )

    panels = [FieldPanel("name"), FieldPanel("role_kind"), FieldPanel("role")]
    # A person's name is the same in every language: not in the translator's file.
    override_translatable_fields = [SynchronizedField("name")]

    class Meta(TranslatableChild.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")


class TerritoryHighlight(Orderable):
    """A project a territory shows first on its home page (a section of this app)."""

    page = ParentalKey(
        "territories.TerritoryHomePage", on_delete=models.CASCADE, related_name="highlights"
    )
    project = models.ForeignKey(
        ProjectPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("project"),
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        # Created by the territories app, which held it before (projects/migrations/0005).
        db_table = "territories_territoryhighlight"
        verbose_name = _("highlighted project")
        verbose_name_plural = _("highlighted projects")
