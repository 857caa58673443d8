"""What a reviewer reads after approving a page or requesting changes in its workflow.

Wagtail says nothing after an action taken from the dashboard's « Pages à modérer » (its
modal answers in JSON), and after one taken from the page editor it says « La page … a été
mise à jour » whatever happened: the page published, or sent back to its editors. The
receivers below say what happened, to the request being served (acting.py), whichever screen
it came from; the editor's generic message is dropped after a workflow action
(``drop_generic_update``, the ``after_edit_page`` hook in wagtail_hooks.py).
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from .acting import acting_request


def _request():
    """The admin request being served, if it can carry messages (not the scheduler's)."""
    request = acting_request()
    if request is None or not hasattr(request, "_messages"):
        return None
    return request


def workflow_approved(sender, instance, user=None, **kwargs):
    """The workflow's last approval published the page, or scheduled it."""
    request = _request()
    if request is None:
        return
    revision = instance.content_object.get_latest_revision()
    values = {"page_title": revision.object_str}
    if revision.approved_go_live_at:
        # Wagtail's own wording, translated in its catalogue.
        messages.success(
            request, _("Page '%(page_title)s' has been scheduled for publishing.") % values
        )
    else:
        messages.success(request, _("Page '%(page_title)s' has been published.") % values)


def changes_requested(sender, instance, user=None, **kwargs):
    """« Demander des modifications »: the task was rejected, the page goes back to its editors."""
    request = _request()
    if request is None:
        return
    messages.success(
        request,
        _("Changes requested on page '%(page_title)s': it goes back to its editors.")
        % {"page_title": instance.revision.object_str},
    )


def drop_generic_update(request, page):
    """After a workflow action, the editor's « mise à jour » says nothing the receivers above
    have not said better: it goes."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    generic = _("Page '%(page_title)s' has been updated.") % {
        "page_title": page.get_admin_display_title()
    }
    # Reading the storage marks every message as seen; those kept are added again.
    kept = [
        message
        for message in messages.get_messages(request)
        if str(message.message).strip() != generic
    ]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
