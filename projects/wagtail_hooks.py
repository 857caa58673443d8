from django.urls import path
from wagtail import hooks

from .admin_views import reuse


@hooks.register("register_admin_urls")
def register_reuse_url():
    return [path("reuse-project/<int:project_id>/", reuse, name="reuse_project")]
