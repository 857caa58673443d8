"""The admin's "Projects to reuse" screen: the projects other territories offer, and the
"Reuse in my territory" action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Locale

from home.privacy import published
from territories.isolation import permission_roots, sees_everything
from territories.models import under_paths
from territories.queries import live_territories, territory_of
from territories.scope import territory_home_of

from .models import ProjectPage
from .services import (
    COPIED,
    NOT_COPIED,
    existing_copies,
    reuse_destinations,
    reuse_project,
    same_territory,
)


def reuse_index(request):
    """The projects other territories offer, each with its "Reuse in my territory" button.

    They are public pages their publishers chose to share, so every editor may see them;
    one's own territory's projects are left out (there is nothing to reuse from oneself).
    """
    locale = Locale.get_default()
    projects = published(ProjectPage.objects.filter(shareable=True, locale=locale))
    if not sees_everything(request.user):
        projects = projects.exclude(under_paths(permission_roots(request.user)))
    territories = live_territories(locale)
    rows = [
        (
            project,
            project.get_full_url(request),
            territory_of(project, territories),
        )
        for project in projects.order_by("title", "pk")
    ]
    return TemplateResponse(request, "projects/admin/reuse_index.html", {"rows": rows})


def reuse(request, project_id):
    """GET: what the copy holds and where it goes; POST: the draft copy.

    A territory's own projects are not offered back to it (the page says so, a POST is
    refused). When the user's territory already holds a copy, the page names it and a new
    one needs an explicit confirmation (``again``).
    """
    # The original is public and offered to every territory: any editor may read it, so
    # the isolation guard (which looks at page_id, not project_id) does not apply to it.
    # The destination is what isolation is about, and only the user's own are offered.
    original = get_object_or_404(
        published(ProjectPage.objects.filter(shareable=True)), pk=project_id
    )
    allowed = reuse_destinations(request.user)
    destinations = [index for index in allowed if not same_territory(original, index)]
    own_project = bool(allowed) and not destinations
    wanted = request.POST.get("into") or request.GET.get("into")
    chosen = None
    if wanted:
        chosen = next((index for index in destinations if str(index.pk) == wanted), None)
        if chosen is None and not own_project:
            raise Http404
    elif len(destinations) == 1:
        chosen = destinations[0]
    copies = existing_copies(original, destinations)
    status = 200

    if request.method == "POST" and own_project:
        messages.error(
            request, _("This project is your territory's own: there is nothing to reuse.")
        )
        status = 403
    elif request.method == "POST" and chosen is not None:
        again = [copy for copy in copies if copy.path.startswith(chosen.path)]
        if again and not request.POST.get("again"):
            messages.warning(
                request,
                _("Your territory already has a copy of this project: confirm to make another."),
            )
        else:
            try:
                copy = reuse_project(original, chosen, request.user)
            except PermissionDenied as error:
                raise Http404 from error
            messages.success(
                request,
                _(
                    "Draft “%(title)s” created in your territory from the original project. "
                    "Replace the original territory's figures in its problem with yours."
                )
                % {"title": copy.title},
            )
            return redirect("wagtailadmin_pages:edit", copy.pk)

    original_territory = territory_home_of(original)
    return TemplateResponse(
        request,
        "projects/admin/reuse.html",
        {
            "original": original,
            "original_url": original.get_full_url(request),
            "original_territory": original_territory,
            "own_project": own_project,
            "copied": COPIED.values(),
            "not_copied": NOT_COPIED,
            "copies": [
                (copy, territory_home_of(copy), reverse("wagtailadmin_pages:edit", args=[copy.pk]))
                for copy in copies
            ],
            "destinations": [
                (index, index.get_parent().specific_deferred, index.locale.get_display_name())
                for index in destinations
            ],
            "chosen": chosen,
            "action_url": reverse("reuse_project:reuse", args=[original.pk]),
        },
        status=status,
    )


class ReuseViewSet(ViewSet):
    name = "reuse_project"
    url_prefix = "reuse-project"
    icon = "copy"
    menu_label = gettext_lazy("Projects to reuse")
    menu_order = 160
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", reuse_index, name="index"),
            path("<int:project_id>/", reuse, name="reuse"),
        ]
