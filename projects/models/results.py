from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import body_blocks
from home.models import BasePage, StandardSection
from territories.scope import territory_home_of

from ..charts import bar_chart, line_chart
from ..phases import Phase


class ResultsPage(BasePage):
    """What the territory's incubator has achieved, computed from its pages: never typed twice."""

    body = StreamField(body_blocks(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["territories.TerritoryHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    standard_section = StandardSection("resultats", _("Results"), order=40)

    class Meta:
        verbose_name = _("results page")
        verbose_name_plural = _("results pages")

    def get_context(self, request, *args, **kwargs):
        from .. import queries  # queries.py imports the models

        context = super().get_context(request, *args, **kwargs)
        territory = territory_home_of(self)
        projects = queries.territory_projects(territory)
        counts = queries.projects_per_phase(projects)
        phases = [(phase.label, counts[phase.value]) for phase in Phase if counts.get(phase.value)]
        context.update(
            project_count=sum(counts.values()),
            phases=phases,
            phase_chart=bar_chart(phases),
            key_results=[
                (project, indicator, line_chart(indicator))
                for project, indicator in queries.key_results(projects)
            ],
        )
        return context
