from wagtail import hooks

from home.sections import PageSection
from projects.models import ProjectPage, ResultsPage
from territories.models import TerritoryHomePage
from territories.panels import territory_panels
from territories.scope import territory_home_of

from . import queries
from .dashboard import NewIrritantsPanel
from .figures import open_calls_count, received_in
from .models import CallForIrritantsPage, Irritant, IrritantLogEntry
from .viewsets import IrritantViewSet


@hooks.register("register_admin_viewset")
def register_irritant_viewset():
    return IrritantViewSet("irritants")


@hooks.register("register_log_actions")
def register_irritant_log(actions):
    actions.register_model(Irritant, IrritantLogEntry)


# What calls and irritants add to the pages of the layers below (home/sections.py).


@hooks.register("register_page_section")
def open_calls_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "main",
        "irritants/includes/open_calls.html",
        lambda page, request: {"open_calls": queries.open_calls(page)},
        order=10,
    )


@hooks.register("register_page_section")
def figures_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "figures",
        "irritants/includes/home_figures.html",
        lambda page, request: {
            "open_calls_count": open_calls_count(page.locale_id, page),
            "irritants_received": received_in([page]),
        },
        order=20,
    )


@hooks.register("register_page_section")
def origin_on_project_page():
    return PageSection(
        ProjectPage,
        "origin",
        "irritants/includes/project_origin.html",
        lambda page, request: {"origin": queries.origin_of(page)},
    )


@hooks.register("register_page_section")
def figures_on_results_page():
    def figures(page, request):
        territory = territory_home_of(page)
        return {
            "calls_count": queries.calls_count(territory),
            "irritants_received": queries.received_count(territory),
        }

    return PageSection(
        ResultsPage, "figures", "irritants/includes/results_figures.html", figures, order=10
    )


# A published call for irritants is one of the things a territory needs before it launches
# (territories/launch.py).
@hooks.register("register_launch_content")
def calls_count_for_launch():
    return [CallForIrritantsPage]


# The dashboard of a territory's publishers: its new irritants (territories/panels.py orders
# the panels of each territory together).
@hooks.register("construct_homepage_panels")
def new_irritants_on_dashboard(request, panels):
    panels.extend(territory_panels(request.user, [NewIrritantsPanel]))
