from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Irritant
from .permissions import IrritantPermissionPolicy
from .viewsets import IrritantViewSet

register_permission_policy(Irritant, IrritantPermissionPolicy(Irritant))


@hooks.register("register_admin_viewset")
def register_irritant_viewset():
    return IrritantViewSet("irritants")
