"""Public routes that are not pages. Included inside the language prefixes, so every route
serves the active language's content (``/en/flux/rss.xml``…)."""

from django.urls import path

from . import views
from .feeds import AtomNewsFeed, NewsFeed

app_name = "projects"

urlpatterns = [
    path("flux/rss.xml", NewsFeed(), name="news_rss"),
    path("flux/atom.xml", AtomNewsFeed(), name="news_atom"),
    path("flux/projets/<slug:project_slug>/rss.xml", NewsFeed(), name="project_news_rss"),
    path("flux/projets/<slug:project_slug>/atom.xml", AtomNewsFeed(), name="project_news_atom"),
    path("api/projects.json", views.projects_json, name="api_projects"),
    path("api/projects.csv", views.projects_csv, name="api_projects_csv"),
    path("api/territories.json", views.territories_json, name="api_territories"),
]
