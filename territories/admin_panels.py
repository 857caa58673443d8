"""Admin hooks for the dashboard's panels per role (panels.py)."""

from wagtail import hooks
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)

from .panels import TERRITORY_PANELS, NetworkToReviewPanel, arrange, memberships, territory_panels

# Replaced by the territory panels: « To review » and « My drafts » (whose rows say which are in
# review) show the same pages, scoped to the territory and at a fixed cost.
REPLACED_FOR_TERRITORIES = (WorkflowObjectsToModeratePanel, UserObjectsInWorkflowModerationPanel)


@hooks.register("construct_homepage_panels")
def territory_dashboard(request, panels):
    own = memberships(request.user)
    if own:
        panels[:] = [panel for panel in panels if not isinstance(panel, REPLACED_FOR_TERRITORIES)]
        panels.extend(territory_panels(request.user, TERRITORY_PANELS))
    else:
        # The network's dashboard stays Wagtail's, but its moderation panel asks the database
        # once per workflow task, that is once per territory.
        panels[:] = [
            NetworkToReviewPanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel
            for panel in panels
        ]


# After every app's panels (the irritants app adds its own): each territory's together.
@hooks.register("construct_homepage_panels", order=1000)
def arrange_territory_panels(request, panels):
    arrange(panels)
