"""Moving a model to another app keeps its content type row, so that its pages, revisions,
permissions and translations, which point at the row's id, follow it (used by the migrations
that moved models between apps)."""

from django.db.migrations import RunPython


def move_content_types(old_app, new_app, models):
    """A reversible migration step that relabels the content types of ``models``."""

    def relabel(apps, source, target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        Page = apps.get_model("wagtailcore", "Page")
        for model in models:
            moved = ContentType.objects.filter(app_label=source, model=model).first()
            if moved is None:
                continue
            # The code already running may have created an empty row under the new label
            # (its post_migrate creates every model's permissions): the old row, which the
            # content points at, replaces it. A row that holds pages is never dropped.
            empty = ContentType.objects.filter(app_label=target, model=model)
            if Page.objects.filter(content_type__in=empty).exists():
                raise RuntimeError(
                    f"Pages use both {source}.{model} and {target}.{model}: "
                    "merge them by hand before migrating."
                )
            empty.delete()
            moved.app_label = target
            moved.save(update_fields=["app_label"])

    return RunPython(
        lambda apps, schema_editor: relabel(apps, old_app, new_app),
        lambda apps, schema_editor: relabel(apps, new_app, old_app),
    )
