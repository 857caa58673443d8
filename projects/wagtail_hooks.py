from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
