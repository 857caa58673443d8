"""Read-only parts of the irritant's admin page (the submission as received, and its
history), and the dashboard's panel of new irritants."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from territories.panels import LIMIT, TerritoryPanel

from .models import Status
from .permissions import permission_policy


class ReadOnlyPanel(Panel):
    def __init__(self, template, **kwargs):
        super().__init__(**kwargs)
        self.template = template

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["template"] = self.template
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["irritant"] = self.instance
            context["history"] = self.instance.history.select_related("changed_by")
            return context


# The dashboard ------------------------------------------------------------------------------


class NewIrritantsPanel(TerritoryPanel):
    """A territory's irritants nobody has looked at yet, for those who review them (the same
    rule as the listing: ``permission_policy``, hence ``reviewed_territory_ids``)."""

    roles = ("publishing",)
    slot = 20
    heading = _("Irritants to handle")
    empty_message = _("No new irritant.")
    rows_template = "irritants/panels/irritant_rows.html"
    icon = "warning"

    def get_items(self, user):
        irritants = permission_policy.instances_user_has_permission_for(user, "view").filter(
            territory=self.territory, status=Status.RECEIVED
        )
        rows = irritants.select_related("call").order_by("-submitted_at", "-pk")[:LIMIT]
        return {
            "count": irritants.count(),
            "rows": list(rows),
            "more_url": reverse("irritants:index") + "?" + urlencode({"status": Status.RECEIVED}),
        }
