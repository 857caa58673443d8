"""Wagtail's bulk actions, gathering only the objects of the user's own territory.

Wagtail's bulk actions take their items from the query string (``?id=…`` or ``?id=all``
with ``childOf`` and ``q``) and list on their confirmation page both the items one may act
on and, by title, those one may not: from the whole database. Each class here is Wagtail's
own, narrowed where it gathers its objects, and registered under the same action type so
that it replaces Wagtail's (``wagtail_hooks.py``). Items outside the territory are not
"items you can't act on": they are not there at all. A malformed id or parent answers 404.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.documents.views import bulk_actions as document_actions
from wagtail.images.views import bulk_actions as image_actions
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry
from wagtail.snippets import bulk_actions as snippet_actions
from wagtail.users.views import bulk_actions as user_actions

from .isolation import explorable_pages, reachable_pages

# The largest primary key the databases accept (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1

# Actions that grant "own" non-page objects: any right on them means they are one's own.
OWN_OBJECT_ACTIONS = ["add", "change", "delete", "choose"]


def parsed_id(value, model=Page):
    """``value`` as a primary key of ``model``, or a 404: ids come from the query string."""
    try:
        pk = model._meta.pk.to_python(value)
    except ValidationError:
        raise Http404 from None
    if pk in (None, "") or (isinstance(pk, int) and not 0 < pk <= LARGEST_ID):
        raise Http404
    return pk


def own_objects(user, model, objects):
    """``objects`` narrowed to the user's territory."""
    if issubclass(model, Page):
        return reachable_pages(user, objects)
    if model is get_user_model():
        return objects  # the user views check their own (global) permission
    policy = policy_registry.get_by_type(model)
    return objects.filter(
        pk__in=policy.instances_user_has_any_permission_for(user, OWN_OBJECT_ACTIONS).values("pk")
    )


class TerritoryBulkAction:
    """Mixed in before a Wagtail bulk action class."""

    @property
    def parent_model(self):
        # "childOf" is a page for pages, a collection for images and documents.
        return Page if issubclass(self.model, Page) else Collection

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        for value in ids:
            if value != "all":
                parsed_id(value, self.model)
        if "all" in ids and "childOf" in self.request.GET:
            parsed_id(self.request.GET["childOf"], self.parent_model)
        return super().get_actionable_objects()

    # Wagtail declares it a class method; the narrowing needs the request.
    def get_queryset(self, model, object_ids):
        if not isinstance(object_ids, list | tuple):
            object_ids = list(object_ids)  # "all": a queryset or search results
        objects = own_objects(
            self.request.user, model, model._default_manager.filter(pk__in=object_ids)
        )
        objects = list(objects.order_by("pk"))
        if not objects:
            raise Http404
        return objects


class TerritoryPageBulkAction(TerritoryBulkAction):
    def get_all_objects_in_listing_query(self, parent_id):
        # Wagtail looks the parent up with .get(): an unknown one would be a 500.
        if parent_id is not None and not Page.objects.filter(pk=parsed_id(parent_id)).exists():
            raise Http404
        return super().get_all_objects_in_listing_query(parent_id)


class TerritoryDeletePages(TerritoryPageBulkAction, DeleteBulkAction):
    pass


class TerritoryUnpublishPages(TerritoryPageBulkAction, UnpublishBulkAction):
    pass


class TerritoryPublishPages(TerritoryPageBulkAction, PublishBulkAction):
    pass


class TerritoryMovePages(TerritoryPageBulkAction, MoveBulkAction):
    def get_form(self, form_class=None):
        # Destinations offered and accepted: the pages one may explore; Wagtail then checks
        # the right to move there. Another territory's page is an invalid choice, not named.
        form = super().get_form(form_class)
        chooser = form.fields["chooser"]
        chooser.queryset = explorable_pages(self.request.user, chooser.queryset)
        return form


def scoped(action_class, name):
    return type(name, (TerritoryBulkAction, action_class), {"__module__": __name__})


# Every bulk action Wagtail registers, replaced (tests/test_admin_surfaces.py checks that
# none is left out when Wagtail adds one).
BULK_ACTIONS = [
    TerritoryDeletePages,
    TerritoryUnpublishPages,
    TerritoryPublishPages,
    TerritoryMovePages,
    scoped(image_actions.DeleteBulkAction, "TerritoryDeleteImages"),
    scoped(image_actions.AddTagsBulkAction, "TerritoryTagImages"),
    scoped(image_actions.AddToCollectionBulkAction, "TerritoryCollectImages"),
    scoped(document_actions.DeleteBulkAction, "TerritoryDeleteDocuments"),
    scoped(document_actions.AddTagsBulkAction, "TerritoryTagDocuments"),
    scoped(document_actions.AddToCollectionBulkAction, "TerritoryCollectDocuments"),
    scoped(snippet_actions.DeleteBulkAction, "TerritoryDeleteSnippets"),
    scoped(user_actions.DeleteBulkAction, "TerritoryDeleteUsers"),
    scoped(user_actions.AssignRoleBulkAction, "TerritoryAssignRole"),
    scoped(user_actions.SetActiveStateBulkAction, "TerritorySetActiveState"),
]
