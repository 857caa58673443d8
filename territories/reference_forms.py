"""Admin forms that refuse references out of the territory's reach (see ``references.py``).

Pages get the check through the core's page form (``check_page_form`` hook, registered in
wagtail_hooks.py), the identity settings through their own form. It runs in ``is_valid``, once
the form and its inline formsets have built their instances, so saving, publishing and
previewing (which all validate the form) see the same refusal; the error lands on the field,
the StreamField block or the inline form that holds the reference.
"""

import uuid

from django.core.exceptions import FieldDoesNotExist, ValidationError
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from .references import refused_references, territory_of


class TerritorySettingsForm(WagtailAdminModelForm):
    """The form of a site's identity (its logo and footer links)."""

    def is_valid(self):
        valid = super().is_valid()
        if self.is_bound and not hasattr(self, "references_refused"):
            # Validation may run twice (preview); the errors must be added once.
            self.references_refused = check_references(self, territory_of(self.instance))
        return valid and not getattr(self, "references_refused", False)


def check_references(form, territory):
    """Add an error for each reference of ``form`` (and of its inline forms) out of
    ``territory``'s reach; whether there was any."""
    checks = [(form, "")]
    for relation, formset in form.formsets.items():
        checks += [
            (inline, f"{relation}.item.")
            for inline in formset.forms
            if hasattr(inline, "cleaned_data") and not formset._should_delete_form(inline)
        ]
    refused_any = False
    for checked, prefix in checks:
        fields = [name for name in checked.fields if name in checked.cleaned_data]
        for name in fields:
            name_stream_children(checked.instance, name)
        refused = refused_references(
            checked.instance,
            user=form.for_user,
            territory=territory,
            fields=fields,
            prefix=prefix,
        )
        add_reference_errors(checked, refused)
        refused_any = refused_any or bool(refused)
    return refused_any


def check_page_references(form):
    """Every page form's check (the ``check_page_form`` hook of home/forms.py): whether it
    refused a reference out of the page's territory."""
    territory = territory_of(form.instance, parent_page=form.parent_page)
    return check_references(form, territory)


def name_stream_children(instance, name):
    """Give every block of a StreamField an id, as saving would, so that each reference's
    content path leads back to one block (blocks added in the form have none yet)."""
    field = model_field(instance, name)
    if isinstance(field, StreamField):
        name_blocks(field.stream_block, getattr(instance, name))


def model_field(instance, name):
    try:
        return instance._meta.get_field(name)
    except FieldDoesNotExist:  # a field of the form only
        return None


def name_blocks(block, value):
    if value is None:
        return
    if isinstance(block, StreamBlock):
        for child in value:
            child.id = child.id or str(uuid.uuid4())
            name_blocks(child.block, child.value)
    elif isinstance(block, ListBlock):
        for child in value.bound_blocks:
            name_blocks(child.block, child.value)
    elif isinstance(block, StructBlock) and not isinstance(block, ImageBlock):
        for child_name, child_block in block.child_blocks.items():
            name_blocks(child_block, value.get(child_name))


def add_reference_errors(form, refused):
    """Each refusal as an error on the field (or block, or form) that holds it."""
    by_field = {}
    for reference, message in refused:
        name, *path = reference.content_path.split(".")
        by_field.setdefault(name, []).append((path, message))
    for name, errors in by_field.items():
        if name not in form.fields:
            for _path, message in errors:
                form.add_error(None, message)
            continue
        field = model_field(form.instance, name)
        if isinstance(field, StreamField):
            value = getattr(form.instance, name)
            error = None
            for path, message in errors:
                error = merge(error, block_error(field.stream_block, value, path, message))
            form.add_error(name, error)
        else:
            for message in dict.fromkeys(message for _path, message in errors):
                form.add_error(name, message)


def block_error(block, value, path, message):
    """The error of the block at ``path`` (a reference's content path), nested as the
    StreamField widget shows it."""
    if isinstance(block, ImageBlock):
        return StructBlockValidationError(block_errors={"image": ValidationError(message)})
    if path and isinstance(block, StreamBlock):
        for index, child in enumerate(value):
            if child.id == path[0]:
                error = block_error(child.block, child.value, path[1:], message)
                return StreamBlockValidationError(block_errors={index: error})
    if path and isinstance(block, ListBlock):
        for index, child in enumerate(value.bound_blocks):
            if child.id == path[0]:
                error = block_error(child.block, child.value, path[1:], message)
                return ListBlockValidationError(block_errors={index: error})
    if path and isinstance(block, StructBlock) and path[0] in block.child_blocks:
        child = block.child_blocks[path[0]]
        error = block_error(child, value.get(path[0]), path[1:], message)
        return StructBlockValidationError(block_errors={path[0]: error})
    return ValidationError(message)


def merge(first, second):
    """Two block errors of one StreamField as one (the widget shows a field's first error)."""
    if first is None:
        return second
    if type(first) is type(second) and hasattr(first, "block_errors"):
        errors = dict(first.block_errors)
        for key, error in second.block_errors.items():
            errors[key] = merge(errors[key], error) if key in errors else error
        return type(first)(block_errors=errors)
    return first
