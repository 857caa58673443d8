from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.sections import PageSection
from territories.models import TerritoryHomePage

from . import queries
from .admin_views import reuse, reuse_index


@hooks.register("register_admin_urls")
def register_reuse_urls():
    return [
        path("reuse-project/", reuse_index, name="reuse_projects"),
        path("reuse-project/<int:project_id>/", reuse, name="reuse_project"),
    ]


@hooks.register("register_admin_menu_item")
def register_reuse_menu_item():
    return MenuItem(_("Projects to reuse"), reverse("reuse_projects"), icon_name="copy", order=160)


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
def latest_news_on_territory_home():
    return PageSection(
        TerritoryHomePage,
        "main",
        "projects/includes/latest_news.html",
        lambda page, request: {"latest_news": queries.latest_news(page, limit=3)},
        order=30,
    )
