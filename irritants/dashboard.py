"""The dashboard's panel of new irritants, for those who review them."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from territories.panels import LIMIT, TerritoryPanel

from .models import Status
from .permissions import permission_policy


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
