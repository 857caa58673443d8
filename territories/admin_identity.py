"""The site identity's edit screen: Wagtail's settings view with a message that agrees.

Wagtail confirms a saved setting with « %(setting_type)s updated. », which its French
catalogue writes « … mis à jour. »: wrong for « Identité du site », a feminine noun. The
identity's screen says it in a sentence of its own; the screen is otherwise Wagtail's (same
URL, permissions and site switcher).
"""

from django.urls import path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.contrib.settings.views import EditView


class IdentityEditView(EditView):
    def get_success_message(self):
        return _("Site identity updated.")


# Before Wagtail's settings URLs (order 0): the identity's address resolves here first.
@hooks.register("register_admin_urls", order=-1)
def register_identity_edit():
    return [
        path(
            "settings/territories/territorysettings/<int:pk>/",
            IdentityEditView.as_view(),
            {"app_name": "territories", "model_name": "territorysettings"},
            name="territory_identity_edit",
        )
    ]
