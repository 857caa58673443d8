"""What the admin shows of an archived territory (archive.py): a banner on its pages' edit
and create screens, no publish action in their menus, and the restore's history entry.

The menu only spares a useless click: the refusal itself is made where pages are written
(publication.py), whatever sends the request.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy
from wagtail import hooks

from .archive import RESTORE_LOG_ACTION, archived_message, archived_territory_of

# What would make the page public now or later: publishing, scheduling (the publish item),
# and approving at a workflow's last step.
PUBLISHING_ACTIONS = {"action-publish", "approve"}


@hooks.register("register_log_actions")
def register_restore_log(actions):
    actions.register_action(
        RESTORE_LOG_ACTION,
        gettext_lazy("Restore of the territory"),
        gettext_lazy("Published again when its territory was restored"),
    )


def show_archive_banner(request, page):
    # On GET only: after a POST the editor is redirected to a page that shows it again.
    if request.method != "GET":
        return
    territory = archived_territory_of(page)
    if territory is not None:
        messages.warning(request, archived_message(territory))


@hooks.register("before_edit_page")
def archive_banner_on_edit(request, page):
    show_archive_banner(request, page)


@hooks.register("before_create_page")
def archive_banner_on_create(request, parent_page, page_class):
    show_archive_banner(request, parent_page)


@hooks.register("construct_page_action_menu")
def hide_publishing_actions(menu_items, request, context):
    page = context.get("parent_page") or context.get("page")
    if page is None or archived_territory_of(page) is None:
        return
    menu_items[:] = [item for item in menu_items if item.name not in PUBLISHING_ACTIONS]
