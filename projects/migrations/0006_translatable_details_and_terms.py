"""Phase notes, decision reasons, team roles, themes and user types become translatable
with wagtail-localize (TranslatableMixin): each row gets its locale and a translation key.

A child row of a page takes its page's locale; the rows of a page's translations get the
same keys as the original's rows, matched by position, so that wagtail-localize updates
them rather than adding copies. Themes and user types are in the default language.
"""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

import projects.models.taxonomy

CHILDREN = ("projectphase", "projectdecision", "projectteammember")
TERMS = ("theme", "usertype")


def default_locale(apps):
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return (
        Locale.objects.filter(language_code=code).first() or Locale.objects.order_by("pk").first()
    )


def backfill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    default = default_locale(apps)
    for name in TERMS:
        model = apps.get_model("projects", name)
        for term in model.objects.all():
            term.locale_id = default.pk
            term.translation_key = uuid.uuid4()
            term.save(update_fields=["locale", "translation_key"])
    for name in CHILDREN:
        model = apps.get_model("projects", name)
        rows = {}
        for row in model.objects.order_by("sort_order", "pk"):
            rows.setdefault(row.page_id, []).append(row)
        pages = Page.objects.filter(pk__in=rows).values("pk", "locale_id", "translation_key")
        groups = {}
        for page in pages:
            groups.setdefault(page["translation_key"], []).append(page)
        for group in groups.values():
            # The original: the page in the default language, else the oldest.
            group.sort(key=lambda page: (page["locale_id"] != default.pk, page["pk"]))
            keys = [uuid.uuid4() for _row in rows[group[0]["pk"]]]
            for page in group:
                page_rows = rows[page["pk"]]
                for index, row in enumerate(page_rows):
                    row.locale_id = page["locale_id"]
                    row.translation_key = keys[index] if index < len(keys) else uuid.uuid4()
                model.objects.bulk_update(page_rows, ["locale", "translation_key"])


def locale_field(null):
    return models.ForeignKey(
        editable=False,
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_territoryhighlight"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for name in CHILDREN + TERMS
            for operation in (
                migrations.AddField(name, "locale", locale_field(null=True)),
                migrations.AddField(
                    name, "translation_key", models.UUIDField(editable=False, null=True)
                ),
            )
        ],
        migrations.AlterField(
            "theme", "name", models.CharField(max_length=80, verbose_name="name")
        ),
        migrations.AlterField(
            "theme", "slug", models.SlugField(max_length=80, verbose_name="slug")
        ),
        migrations.AlterField(
            "usertype", "name", models.CharField(max_length=80, verbose_name="name")
        ),
        migrations.AlterField(
            "usertype", "slug", models.SlugField(max_length=80, verbose_name="slug")
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        *[
            operation
            for name in CHILDREN + TERMS
            for operation in (
                migrations.AlterField(name, "locale", locale_field(null=False)),
                migrations.AlterField(
                    name,
                    "translation_key",
                    models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(name, {("translation_key", "locale")}),
            )
        ],
        migrations.AddConstraint(
            "theme",
            models.UniqueConstraint(fields=("name", "locale"), name="theme_name_per_locale"),
        ),
        migrations.AddConstraint(
            "theme",
            models.UniqueConstraint(fields=("slug", "locale"), name="theme_slug_per_locale"),
        ),
        migrations.AddConstraint(
            "usertype",
            models.UniqueConstraint(fields=("name", "locale"), name="usertype_name_per_locale"),
        ),
        migrations.AddConstraint(
            "usertype",
            models.UniqueConstraint(fields=("slug", "locale"), name="usertype_slug_per_locale"),
        ),
        migrations.AlterField(
            model_name="projectpage",
            name="themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                limit_choices_to=projects.models.taxonomy.in_default_language,
                to="projects.theme",
                verbose_name="themes",
            ),
        ),
        migrations.AlterField(
            model_name="projectpage",
            name="user_types",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                limit_choices_to=projects.models.taxonomy.in_default_language,
                to="projects.usertype",
                verbose_name="user types",
            ),
        ),
    ]
