from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Irritant, IrritantLogEntry
from .permissions import permission_policy
from .viewsets import IrritantViewSet

register_permission_policy(Irritant, permission_policy)


@hooks.register("register_admin_viewset")
def register_irritant_viewset():
    return IrritantViewSet("irritants")


@hooks.register("register_log_actions")
def register_irritant_log(actions):
    actions.register_model(Irritant, IrritantLogEntry)
