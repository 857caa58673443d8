"""Admin hooks for putting a site in preparation online: the dashboard panel with the launch
checklist, the « Mettre en ligne » view and the log action (what visitors of a site in
preparation get: preparation.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .launch import LOG_ACTION, launch, launch_checklists, launchable_territories


@hooks.register("register_log_actions")
def register_launch_log(actions):
    actions.register_action(
        LOG_ACTION, gettext_lazy("Launch of the site"), gettext_lazy("Site put online")
    )


@require_POST
def launch_view(request, territory_id):
    # Only a territory this user may launch: another one's id changes nothing.
    territory = launchable_territories(request.user).filter(pk=territory_id).first()
    if territory is None:
        raise Http404
    try:
        launch(territory, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(territory)s is online: %(url)s")
            % {"territory": territory, "url": territory.site.root_url},
        )
    return redirect(reverse("wagtailadmin_home"))


@hooks.register("register_admin_urls")
def register_launch_url():
    return [
        path(
            "territories/<int:territory_id>/launch/",
            launch_view,
            name="territories_launch",
        )
    ]


class LaunchPanel(Component):
    """The checklist of each territory in preparation the user may launch."""

    name = "territory_launch"
    template_name = "territories/launch/panel.html"
    # At the top of the dashboard: what is left to do before the site opens.
    order = 50

    def __init__(self, territories):
        self.territories = territories

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        checklists = launch_checklists(self.territories)
        context["launches"] = [
            {
                "territory": territory,
                "checklist": checklists[territory.pk],
                "ready": all(item.done for item in checklists[territory.pk]),
                "url": reverse("territories_launch", args=[territory.pk]),
            }
            for territory in self.territories
        ]
        context["csrf_token"] = parent_context.get("csrf_token")
        return context


@hooks.register("construct_homepage_panels")
def add_launch_panel(request, panels):
    territories = list(launchable_territories(request.user).order_by("name"))
    if territories:
        panels.append(LaunchPanel(territories))
