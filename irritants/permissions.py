from wagtail.permission_policies import ModelPermissionPolicy

from .models import Irritant, reviewed_territory_ids


class IrritantPermissionPolicy(ModelPermissionPolicy):
    """Irritants arrive through the public form only, and each belongs to one territory."""

    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            user.is_superuser or instance.territory_id in reviewed_territory_ids(user)
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Irritant.objects.none()
        return Irritant.objects.visible_to(user)


# The one instance: registered in apps.py, used by the viewset's extra views.
permission_policy = IrritantPermissionPolicy(Irritant)
