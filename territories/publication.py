"""Nothing goes public without a publisher: the rule, checked where pages are written.

Wagtail checks the publish permission in its own publish buttons, but not every path that
makes content live goes through them: wagtail-localize publishes translations with no user
(``transaction.on_commit(revision.publish)``) and writes translated text into the live row
before publishing it, its "convert to alias" copies the source's latest draft into a live
page, and a copy or an import may create pages that are live at once. So the rule is checked
on the write itself (the receivers below, connected in signals.py): while a request is served
(acting.py), a page may go live, or a live page's public content change, only if the
request's user may publish that page. Outside requests (the scheduler, management commands,
the demo loader) the operator is trusted: what the scheduler publishes was approved by a
publisher when it was scheduled. One rule binds everyone: nothing of an archived territory
goes public (archive.py).
"""

import html
import json

from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, ReferenceIndex
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import OverridableSegmentValue
from wagtail_localize.segments.ingest import ingest_segments

from .acting import PublishRefused, acting_user, may_publish
from .archive import refuse_while_archived
from .references import refused_references, territory_of

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


def refuse_unreviewed_page_write(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or not goes_public(instance, update_fields):
        return
    # Nothing of an archived territory goes public, whoever asks, the operator too.
    refuse_while_archived(instance)
    user = acting_user()
    if user is None:
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


def refuse_unreviewed_scheduling(sender, instance, update_fields=None, **kwargs):
    """Scheduling is publishing later: the scheduler trusts what a revision's approved
    go-live date says, so only those who may publish the page set one."""
    if instance.approved_go_live_at is None:
        return
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    page = instance.content_object
    if isinstance(page, Page):
        refuse_while_archived(page)
    user = acting_user()
    if user is not None and isinstance(page, Page) and not may_publish(user, page):
        raise PublishRefused(
            _("Only this territory's publishers can schedule “%(title)s”.")
            % {"title": page.get_admin_display_title()}
        )


def refuse_unreviewed_media_change(sender, instance, **kwargs):
    """An image or document shown on a live page is part of it: replacing its file or title,
    or deleting it, changes the public page."""
    user = acting_user()
    if user is None or instance.pk is None:
        return
    references = ReferenceIndex.get_references_to(instance).group_by_source_object()
    for page, _references in references:
        if isinstance(page, Page) and page.live and not may_publish(user, page):
            raise PublishRefused(
                _(
                    "“%(title)s” is shown on the published page “%(page)s”: only its "
                    "publishers can change it."
                )
                % {"title": instance.title, "page": page.get_admin_display_title()}
            )


def refuse_foreign_override(sender, instance, **kwargs):
    """wagtail-localize lets a translator replace a chosen image, document or page by id,
    outside the page form: the translation, with this override, must pass the same
    reference check as the form (its preview would show the other territory's object)."""
    user = acting_user()
    if user is None:
        return
    source = (
        TranslationSource.objects.filter(object_id=instance.context.object_id)
        .order_by("-last_updated_at")
        .first()
    )
    target = source and source.get_translated_instance(instance.locale)
    if not isinstance(target, Page):
        return
    target = target.specific
    segments = [
        OverridableSegmentValue(segment.path, json.loads(instance.data_json), order=segment.order)
        if isinstance(segment, OverridableSegmentValue) and segment.path == instance.context.path
        else segment
        for segment in source._get_segments_for_translation(instance.locale, fallback=True)
    ]
    if not any(getattr(segment, "path", None) == instance.context.path for segment in segments):
        segments.append(
            OverridableSegmentValue(instance.context.path, json.loads(instance.data_json))
        )
    ingest_segments(source.as_instance(), target, source.locale, instance.locale, segments)
    refused = refused_references(
        target, user=user, territory=territory_of(target), fields=editable_fields(target)
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
        and (update_fields is None or {field.name, field.attname} & set(update_fields))
    ]
    if any(
        shown(field, page) != shown(field, previous)
        for field in fields
        # An alias becoming a page of its own keeps showing what it showed.
        if not (field.name == "alias_of" and page.alias_of_id is None)
    ):
        return True
    # Inline objects (phases, highlights, related projects…) are written with the page.
    return shown_children(page, update_fields) != shown_children(previous, update_fields)


def shown_children(page, update_fields=None):
    children = {}
    for relation in get_all_child_relations(page):
        if relation.related_model._meta.app_label == "wagtailcore":
            continue  # comments are the editors' conversation, not the page's content
        if update_fields is not None and relation.get_accessor_name() not in update_fields:
            continue
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
