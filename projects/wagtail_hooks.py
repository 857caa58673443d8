from wagtail import hooks
from wagtail.snippets.models import register_snippet

from home.sections import PageSection
from territories.models import TerritoryHomePage

from . import queries
from .figures import territory_phase_figures
from .models import ProjectPage
from .viewsets import ReuseViewSet
from .vocabulary_admin import VocabularyViewSetGroup


@hooks.register("register_admin_viewset")
def register_reuse_viewset():
    return ReuseViewSet()


# Themes and user types, for network administrators to edit and translate.
register_snippet(VocabularyViewSetGroup)


# What projects add to a territory's home page (home/sections.py).


@hooks.register("register_page_section")
def highlighted_projects_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "main",
        "projects/includes/highlighted_projects.html",
        lambda page, request: {"highlighted_projects": queries.highlighted_projects(page)},
        order=20,
    )


@hooks.register("register_page_section")
def phase_figures_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "figures",
        "projects/includes/home_figures.html",
        lambda page, request: {"phase_figures": territory_phase_figures(page)},
        order=10,
    )


@hooks.register("register_page_section")
def latest_news_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "main",
        "projects/includes/latest_news.html",
        lambda page, request: {"latest_news": queries.latest_news(page, limit=3)},
        order=30,
    )


# A published project is one of the things a territory needs before it launches
# (territories/launch.py).
@hooks.register("register_launch_content")
def projects_count_for_launch():
    return [ProjectPage]
