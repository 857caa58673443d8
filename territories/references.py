"""What a territory's content may point to: one rule for pages, images and documents.

A chooser only offers the editor's territory, but a request sent by hand carries any id:
this is where the server decides. The references of an object are read with Wagtail's
reference extraction (foreign keys, child relations, StreamField blocks, rich text links and
embeds), so every field that can hold a chosen object is covered without listing them.

- Content of a territory points to that territory's pages (in any language) and to the
  images and documents of its collection. Content of the hub points to the hub's pages.
- The network group (users who see everything) may also point to public network content:
  live pages without a view restriction, images it may choose, documents outside private
  collections.
- Superusers are not checked; some relations are checked whoever saves (``STRICT_PATHS``).
"""

from collections import namedtuple

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import CollectionViewRestriction, Page, ReferenceIndex
from wagtail.permissions import policy_registry

MESSAGES = {
    "page": _("This page belongs to another territory: choose a page of this territory."),
    "image": _("This image belongs to another territory: choose an image of this territory."),
    "document": _(
        "This document belongs to another territory: choose a document of this territory."
    ),
    "project": _(
        "This project belongs to another territory: a news item may only be about its "
        "territory's projects."
    ),
}
NETWORK_MESSAGES = {
    "page": _("This page is neither public nor part of this site: choose another one."),
    "image": _("This image is not available to this site: choose another one."),
    "document": _("This document is private to another territory: choose another one."),
}

# Relations that stay inside the territory whoever saves, superusers included: a news item
# of one territory would otherwise appear on another territory's project page and feed.
STRICT_PATHS = {"related_projects.item.project": "project"}

Reference = namedtuple("Reference", "kind object_id model_path content_path")


def kind_of(model):
    if issubclass(model, Page):
        return "page"
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    return None  # not owned by a territory (users, sites, locales…)


def references_of(instance, fields=None):
    """The pages, images and documents ``instance`` points to, from ``fields`` (the names of
    its fields and child relations) or from all of them."""
    for (
        content_type_id,
        object_id,
        model_path,
        content_path,
    ) in ReferenceIndex._extract_references_from_object(instance):
        if fields is not None and model_path.split(".")[0] not in fields:
            continue
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        kind = model and kind_of(model)
        if kind:
            yield Reference(kind, object_id, model_path, content_path)


def territory_of(instance, parent_page=None):
    """The territory an object belongs to: a page's (or, for a page not yet in the tree,
    its parent's), a site setting's site's; None for the hub."""
    from .models import Territory

    if isinstance(instance, Page):
        page = instance if instance.path else parent_page
        return Territory.of_page(page) if page is not None else None
    site_id = getattr(instance, "site_id", None)
    return Territory.objects.filter(site_id=site_id).first() if site_id else None


class Scope:
    """What content of one territory (None: the hub) may point to, when ``user`` saves it.

    Without a user, the territory's rule alone (what STRICT_PATHS need).
    """

    def __init__(self, territory, user=None):
        from .isolation import sees_everything

        self.territory = territory
        self.user = user
        self.network = user is not None and sees_everything(user)

    def message(self, kind):
        messages = NETWORK_MESSAGES if self.network and kind in NETWORK_MESSAGES else MESSAGES
        return messages[kind]

    def refused(self, references):
        """The references among ``references`` whose object is out of reach."""
        wanted = {}
        for reference in references:
            wanted.setdefault(reference.kind, set()).add(reference.object_id)
        allowed = {
            kind: {str(pk) for pk in getattr(self, f"allowed_{kind}s")(ids)}
            for kind, ids in wanted.items()
        }
        return [ref for ref in references if ref.object_id not in allowed[ref.kind]]

    def allowed_pages(self, ids):
        from .models import TerritoryHomePage, under_paths

        pages = Page.objects.filter(pk__in=valid_ids(ids))
        if self.territory is not None:
            inside = pages.filter(pk__in=self.territory.pages().values("pk"))
        else:
            homes = TerritoryHomePage.objects.values_list("path", flat=True)
            inside = pages.exclude(under_paths(homes))
        allowed = set(inside.values_list("pk", flat=True))
        if self.network:
            # get_view_restrictions is the page's own rule (a translation's restrictions too).
            allowed |= {
                page.pk
                for page in pages.live().exclude(pk__in=allowed).specific()
                if not page.get_view_restrictions()
            }
        return allowed

    def allowed_images(self, ids):
        images = get_image_model().objects.filter(pk__in=valid_ids(ids))
        allowed = set(self.in_collection(images).values_list("pk", flat=True))
        if self.network:
            allowed |= set(self.choosable(images).values_list("pk", flat=True))
        return allowed

    def allowed_documents(self, ids):
        documents = get_document_model().objects.filter(pk__in=valid_ids(ids))
        allowed = set(self.in_collection(documents).values_list("pk", flat=True))
        if self.network:
            private = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
            allowed |= {
                document.pk
                for document in self.choosable(documents).select_related("collection")
                if not any(document.collection.path.startswith(path) for path in private)
            }
        return allowed

    def choosable(self, media):
        """What Wagtail's permission policy lets the user choose among ``media``."""
        policy = policy_registry.get_by_type(media.model)
        return media.filter(
            pk__in=policy.instances_user_has_any_permission_for(self.user, ["choose"]).values("pk")
        )

    def in_collection(self, media):
        if self.territory is None:
            return media.none()
        return media.filter(collection__path__startswith=self.territory.collection.path)


def valid_ids(ids):
    # Rich text carries ids as typed in the request: never let "abc" reach the database.
    return [int(value) for value in ids if str(value).isdigit()]


def refused_references(instance, *, user=None, territory=None, fields=None, prefix=""):
    """The references of ``instance`` (from ``fields``) that may not be saved.

    Those in STRICT_PATHS are checked whoever saves; the others against ``user``'s reach,
    unless ``user`` is None or a superuser. ``prefix`` is the child relation ``instance``
    sits in (``"related_projects.item."``), to match STRICT_PATHS. Returns (reference,
    message) pairs.
    """
    found = list(references_of(instance, fields))
    strict = [ref for ref in found if prefix + ref.model_path in STRICT_PATHS]
    refused = [
        (ref, MESSAGES[STRICT_PATHS[prefix + ref.model_path]])
        for ref in Scope(territory).refused(strict)
    ]
    if user is not None and not user.is_superuser:
        scope = Scope(territory, user)
        others = [ref for ref in found if ref not in strict]
        refused += [(ref, scope.message(ref.kind)) for ref in scope.refused(others)]
    return refused
