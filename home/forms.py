"""The form of every page of the platform.

The core knows no territory: the apps above it add their checks with Wagtail's
``check_page_form`` hook (a function of the bound form that adds its errors to it and returns
whether it found any). They run in ``is_valid``, once the form and its inline formsets have
built their instances, so saving, publishing and previewing (which all validate the form)
see the same refusal.
"""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    def is_valid(self):
        valid = super().is_valid()
        if self.is_bound and not hasattr(self, "checks_refused"):
            # Validation may run twice (preview): the errors must be added once.
            self.checks_refused = any([check(self) for check in hooks.get_hooks("check_page_form")])
        return valid and not getattr(self, "checks_refused", False)
