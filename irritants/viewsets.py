"""The "Irritants" admin area: each territory's publishers review their own submissions.

Every URL of the viewset that names an irritant goes through ``scoped``, so an irritant of
another territory is a 404 in the edit, delete, history, usage, attachment and project views
alike; the listing and its exports start from the same ``visible_to`` queryset.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log

from .exports import StaffSpreadsheetExportMixin
from .filters import IrritantFilterSet
from .forms import PROBLEM_FIELDS, SUBMITTER_FIELDS, IrritantReviewForm
from .models import Irritant, IrritantAttachment
from .panels import ReadOnlyPanel
from .permissions import permission_policy
from .services import create_project, review_irritant
from .similar import SimilarProjectsPanel


def scoped(view, action=None):
    """404 for any irritant the user may not review, before the view itself runs.

    With ``action``, the user must also hold that permission (the generic views check
    their own; the extra views of this viewset ask for it here).
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if "pk" in kwargs:
            try:
                visible = Irritant.objects.visible_to(request.user).filter(pk=kwargs["pk"])
                if not visible.exists():
                    raise Http404
            except (ValueError, TypeError) as error:
                raise Http404 from error
        if action and not permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class IrritantIndexView(StaffSpreadsheetExportMixin, generic.IndexView):
    export_sheet_title = _("Irritants")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .visible_to(self.request.user)
            .select_related("call", "territory")
        )


class IrritantEditView(generic.EditView):
    def save_instance(self):
        previous = Irritant.objects.values("status", "public_answer", "answered_at").get(
            pk=self.object.pk
        )
        irritant = review_irritant(
            self.form.instance,
            self.request.user,
            previous_status=previous["status"],
            previous_answer=previous["public_answer"],
        )
        log(instance=irritant, action="wagtail.edit", user=self.request.user)
        # review_irritant dates a new answer when it sends it.
        if irritant.answered_at != previous["answered_at"]:
            self.say_whether_the_answer_was_sent(irritant)
        return irritant

    def say_whether_the_answer_was_sent(self, irritant):
        """The reviewer learns whether the agent gets the answer (review_irritant sends it)."""
        if irritant.may_be_notified:
            messages.success(self.request, _("Answer sent by email to the agent."))
        elif irritant.is_anonymised:
            messages.warning(
                self.request,
                _("The answer is saved but was not sent: the agent's details have been erased."),
            )
        elif irritant.notifications_stopped_at is not None:
            messages.warning(
                self.request,
                _("The answer is saved but was not sent: the agent asked for no more emails."),
            )
        else:
            messages.warning(
                self.request,
                _("The answer is saved but was not sent: the agent left no email address."),
            )

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.object.project_id:
            buttons.append(
                HeaderButton(
                    _("Create a project"),
                    url=reverse("irritants:create_project", args=[self.object.pk]),
                    icon_name="doc-empty-inverse",
                    priority=5,
                )
            )
        return buttons


class CreateProjectView(View):
    """GET asks for confirmation; POST creates the draft project and opens it."""

    template_name = "irritants/admin/create_project.html"

    def get(self, request, pk):
        irritant = get_object_or_404(Irritant, pk=pk)
        return TemplateResponse(request, self.template_name, {"irritant": irritant})

    def post(self, request, pk):
        irritant = get_object_or_404(Irritant.objects.select_related("territory"), pk=pk)
        try:
            project = create_project(irritant, request.user)
        except PermissionDenied:
            messages.error(request, _("You may not add a project to this territory."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Draft project “%(title)s” created.") % {"title": project.title}
            )
            return redirect("wagtailadmin_pages:edit", project.pk)
        return redirect("irritants:edit", irritant.pk)


def attachment(request, attachment_id):
    """One file of an irritant the user reviews (another territory's: 404, as in ``scoped``)."""
    attachment = get_object_or_404(
        IrritantAttachment.objects.select_related("irritant").filter(
            irritant__in=Irritant.objects.visible_to(request.user)
        ),
        pk=attachment_id,
    )
    try:
        content = attachment.file.open("rb")
    except FileNotFoundError as error:  # e.g. a database restored without its files
        raise Http404 from error
    return FileResponse(content, as_attachment=True, filename=attachment.download_name())


class IrritantViewSet(ModelViewSet):
    model = Irritant
    icon = "warning"
    menu_label = _("Irritants")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = IrritantIndexView
    edit_view_class = IrritantEditView
    filterset_class = IrritantFilterSet
    search_fields = ["reference", "title", "problem", "consequences", "service"]
    search_backend_name = None
    list_per_page = 30
    list_display = [
        TitleColumn("title", label=_("Title"), url_name="irritants:edit"),
        Column("reference", label=_("Reference")),
        Column("territory", label=_("Territory")),
        Column("call", label=_("Call")),
        Column("service", label=_("Service concerned"), sort_key="service"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("score", label=_("Score /9")),
        DateColumn("submitted_at", label=_("Submitted on"), sort_key="submitted_at"),
    ]
    list_export = [
        "reference",
        "submitted_at",
        "call",
        *(name for name in PROBLEM_FIELDS if name != "attachments"),
        "get_status_display",
        "score",
        "public_answer",
        *SUBMITTER_FIELDS,
    ]
    export_headings = {"get_status_display": _("Status"), "score": _("Score /9")}
    export_filename = "irritants"
    edit_handler = ObjectList(
        [
            ReadOnlyPanel("irritants/admin/submission_panel.html", heading=_("The submission")),
            SimilarProjectsPanel(heading=_("Already solved elsewhere?")),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("duplicate_of")], heading=_("Status")
            ),
            FieldRowPanel(
                [
                    FieldPanel("recurrence_score"),
                    FieldPanel("consequences_score"),
                    FieldPanel("people_score"),
                ],
                heading=_("Evaluation"),
            ),
            FieldPanel("internal_notes"),
            FieldPanel("public_answer"),
            ReadOnlyPanel("irritants/admin/history_panel.html", heading=_("Status history")),
        ],
        base_form_class=IrritantReviewForm,
    )

    def construct_view(self, view_class, **kwargs):
        return scoped(super().construct_view(view_class, **kwargs))

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "create-project/<int:pk>/",
                scoped(CreateProjectView.as_view(), action="change"),
                name="create_project",
            ),
            # An attachment's id, not an irritant's: the view scopes it to the territory.
            path(
                "attachment/<int:attachment_id>/",
                scoped(attachment, action="view"),
                name="attachment",
            ),
        ]
