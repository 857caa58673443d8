"""Nothing goes public without a publisher: the rule, checked where pages are written.

Wagtail checks the publish permission in its own publish buttons, but not every path that
makes content live goes through them: wagtail-localize publishes translations with no user
(``transaction.on_commit(revision.publish)``) and writes translated text into the live row
before publishing it, its "convert to alias" copies the source's latest draft into a live
page, and a copy or an import may create pages that are live at once. So the rule is checked
on the write itself: while a request is served, a page may go live, or a live page's public
content change, only if the request's user may publish that page. Outside requests (the
scheduler, management commands, the demo loader) the operator is trusted: what the scheduler
publishes was approved by a publisher when it was scheduled.
"""

import html
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page

from .references import refused_references, territory_of

_acting_user = ContextVar("acting_user", default=None)

# Page fields that record the editing process rather than what visitors see: a draft, a
# lock or a move writes them on a live page without publishing anything. (A move is
# Wagtail's to allow: it asks for the publish permission when the page is live.)
BOOKKEEPING_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
}


class PublishRefused(PermissionDenied):
    pass


class ActingUserMiddleware:
    """Remembers who sends the request, for the write-time checks below.

    The user is resolved only when a page is written, so the middleware costs nothing on
    the public pages. Placed after Django's AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _acting_user.set(request)
        try:
            return self.get_response(request)
        finally:
            _acting_user.reset(token)


def acting_request():
    return _acting_user.get()


def may_publish(user, page):
    """The one question: may this user make this page (or its new content) public?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return page.permissions_for_user(user).can_publish()


def refuse_unreviewed_page_write(sender, instance, update_fields=None, **kwargs):
    request = acting_request()
    if request is None or not isinstance(instance, Page):
        return
    user = getattr(request, "user", None)
    if not goes_public(instance, update_fields):
        return
    if not may_publish(user, instance):
        raise PublishRefused(
            _(
                "Only this territory's publishers can publish “%(title)s”: submit it for "
                "review instead."
            )
            % {"title": instance.get_admin_display_title()}
        )
    # The forms check what an editor chooses (reference_forms.py); this catches what reaches
    # a live page another way, such as wagtail-localize's overrides of a chosen image.
    refused = refused_references(
        instance, user=user, territory=territory_of(instance), fields=editable_fields(instance)
    )
    if refused:
        raise PublishRefused(str(refused[0][1]))


def editable_fields(page):
    """The fields and inline panels an editor fills: read-only ones (a reused project's
    origin, which is another territory's on purpose) are not the editor's choice."""
    options = type(page).get_edit_handler().get_form_options()
    return [*options.get("fields", []), *options.get("formsets", {})]


def goes_public(page, update_fields):
    """Whether this write makes the page live, or changes what a live page shows."""
    if not page.live:
        return False
    if page._state.adding or page.pk is None:
        return True
    previous = type(page)._base_manager.filter(pk=page.pk).first()
    if previous is None or not previous.live:
        return True
    fields = [
        field
        for field in type(page)._meta.concrete_fields
        if field.name not in BOOKKEEPING_FIELDS
        and (update_fields is None or field.name in update_fields)
    ]
    if any(shown(field, page) != shown(field, previous) for field in fields):
        return True
    # Inline objects (phases, highlights, related projects…) are written with the page.
    return update_fields is None and shown_children(page) != shown_children(previous)


def shown_children(page):
    children = {}
    for relation in get_all_child_relations(page):
        if relation.related_model._meta.app_label == "wagtailcore":
            continue  # comments are the editors' conversation, not the page's content
        parent_field = relation.field.name
        children[relation.get_accessor_name()] = [
            {
                field.name: shown(field, child)
                for field in type(child)._meta.concrete_fields
                if field.name not in ("id", parent_field) and not field.primary_key
            }
            for child in getattr(page, relation.get_accessor_name()).all()
        ]
    return children


def shown(field, page):
    """A field's value as visitors get it, blind to how it is spelt: wagtail-localize writes
    back the same rich text with other HTML escapes, list blocks in their newer format
    (items wrapped with an id), numbers as numbers."""
    if isinstance(field, StreamField):
        return plain(field.stream_block.get_prep_value(field.value_from_object(page)))
    return plain(field.value_to_string(page))


def plain(value):
    if isinstance(value, dict):
        if value.keys() - {"id"} == {"type", "value"} and value["type"] == "item":
            return plain(value["value"])  # a list block's item
        return {key: plain(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return None if value is None else html.unescape(str(value))


def connect():
    """Called once from the app's ready()."""
    pre_save.connect(refuse_unreviewed_page_write, dispatch_uid="refuse_unreviewed_page_write")
