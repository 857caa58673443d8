"""What a database holds, as JSON on stdout, for tests/test_app_moves.py.

Runs in a subprocess, against the code from before the models moved between apps or the code
after, with DATABASE_URL naming the database. It uses only what both have: raw SQL, the ORM
of Django, Wagtail and wagtail-localize, and the project's models looked up by name.

    python -c "$(cat tests/app_moves_snapshot.py)" [--migrate app:target]... [--raw]

--migrate runs ``migrate app target`` first, in that order; --raw leaves out what needs the
project's models (reading pages as their type), for a database the code is not migrated to.
"""

import hashlib
import json
import os
import sys

# The project's packages, old and new: each must come from the checkout being tested.
PROJECT_PACKAGES = (
    "site_config",
    "home",
    "territories",
    "pagecache",
    "operations",
    "projects",
    "irritants",
    "search",
    "hub",
    "demo",
)


def digest(values):
    return hashlib.sha256("\n".join(sorted(values)).encode()).hexdigest()


def plain(value):
    # A memoryview's repr names its address, not its bytes.
    return bytes(value) if isinstance(value, memoryview) else value


def tables(connection):
    """Each table's row count and, per column, a digest of (primary key, value) over its
    rows: a column added later leaves the others' digests alone."""
    result = {}
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in sorted(introspection.table_names(cursor)):
            columns = [column.name for column in introspection.get_table_description(cursor, table)]
            quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)}")
            rows = [[plain(value) for value in row] for row in cursor.fetchall()]
            keys = introspection.get_primary_key_columns(cursor, table) or columns
            positions = [columns.index(key) for key in keys]
            row_keys = [repr([row[i] for i in positions]) for row in rows]
            result[table] = {
                "count": len(rows),
                "columns": {
                    column: digest(
                        f"{key} {row[i]!r}" for key, row in zip(row_keys, rows, strict=True)
                    )
                    for i, column in enumerate(columns)
                },
            }
    return result


def snapshot(raw):
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import GroupPagePermission, Page, Revision
    from wagtail_localize.models import TranslatableObject, TranslationSource

    result = {
        "vendor": connection.vendor,
        # First: nothing below may have written yet.
        "tables": tables(connection),
        "content_types": {
            str(pk): f"{app_label}.{model}"
            for pk, app_label, model in ContentType.objects.order_by("pk").values_list(
                "pk", "app_label", "model"
            )
        },
        "permissions": {
            str(pk): [codename, content_type]
            for pk, codename, content_type in Permission.objects.order_by("pk").values_list(
                "pk", "codename", "content_type_id"
            )
        },
        "group_permissions": list(
            Group.permissions.through.objects.order_by("group__name", "permission_id").values_list(
                "group__name", "permission_id", "permission__codename", "permission__content_type"
            )
        ),
        "page_permissions": list(
            GroupPagePermission.objects.order_by("pk").values_list(
                "pk", "group__name", "page_id", "permission_id", "permission__codename"
            )
        ),
    }
    if raw:
        return result

    pages = {}
    for page in Page.objects.select_related("content_type", "locale").order_by("pk"):
        pages[str(page.pk)] = {
            "content_type": page.content_type_id,
            "title": page.title,
            "url_path": page.url_path,
            "live": page.live,
            "locale": page.locale.language_code,
            # The class the page is read as, from its type's table: Wagtail falls back to a
            # plain Page when the content type names no model or its row is missing.
            "specific": type(page.specific)._meta.label,
        }
    result["pages"] = pages
    result["revisions"] = {
        str(pk): [content_type, base_content_type, object_id]
        for pk, content_type, base_content_type, object_id in Revision.objects.order_by(
            "pk"
        ).values_list("pk", "content_type_id", "base_content_type_id", "object_id")
    }
    result["translatable_objects"] = [
        [str(key), content_type]
        for key, content_type in TranslatableObject.objects.order_by("translation_key").values_list(
            "translation_key", "content_type_id"
        )
    ]
    result["translation_sources"] = [
        [pk, content_type, str(key)]
        for pk, content_type, key in TranslationSource.objects.order_by("pk").values_list(
            "pk", "specific_content_type_id", "object_id"
        )
    ]
    irritant = apps.get_model("irritants", "Irritant")
    result["irritants"] = list(irritant.objects.order_by("pk").values_list("pk", "call_id"))
    try:
        generation = apps.get_model("home", "Generation")
    except LookupError:
        generation = apps.get_model("pagecache", "Generation")
    result["generation_model"] = generation._meta.label
    result["generations"] = list(generation.objects.order_by("scope").values_list("scope", "value"))

    # Every model the code knows: its table, its rows, and the content type it is given. A
    # model whose table a later migration creates (not applied here) is left out.
    models = {}
    present = set(connection.introspection.table_names())
    for model in apps.get_models():
        if not model._meta.proxy and model._meta.managed and model._meta.db_table in present:
            models[model._meta.label] = {
                "db_table": model._meta.db_table,
                "count": model._default_manager.count(),
            }
    for model in apps.get_models():
        if model._meta.label in models:
            # Last: get_for_model creates the content type of a model that has none.
            models[model._meta.label]["content_type"] = ContentType.objects.get_for_model(
                model, for_concrete_model=False
            ).pk
    result["models"] = models
    result["modules"] = {
        name: getattr(module, "__file__", None)
        for name, module in sys.modules.items()
        if module is not None and name.split(".")[0] in PROJECT_PACKAGES
    }
    return result


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings")
    import django

    django.setup()

    from django.core.management import call_command

    arguments = sys.argv[1:]
    while "--migrate" in arguments:
        at = arguments.index("--migrate")
        app, target = arguments.pop(at + 1).split(":")
        arguments.pop(at)
        call_command("migrate", app, target, interactive=False, verbosity=0, stdout=sys.stderr)
    json.dump(snapshot(raw="--raw" in arguments), sys.stdout, default=str)
