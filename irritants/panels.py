"""Read-only parts of the irritant's admin page: the submission as received, and its history."""

from wagtail.admin.panels import Panel


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
