"""An irritant's files move to IrritantAttachment (up to three per irritant).

The files stay where they are: each existing attachment becomes one IrritantAttachment
naming the same stored file. The old field goes in the next migration: on PostgreSQL, a table
cannot be altered in the transaction that left its rows' foreign key checks pending.
"""

import django.db.models.deletion
from django.db import migrations, models

import irritants.attachments
import irritants.models


def move_attachments(apps, schema_editor):
    Irritant = apps.get_model("irritants", "Irritant")
    IrritantAttachment = apps.get_model("irritants", "IrritantAttachment")
    IrritantAttachment.objects.bulk_create(
        IrritantAttachment(irritant_id=pk, file=name)
        for pk, name in Irritant.objects.exclude(attachment="").values_list("pk", "attachment")
    )


def move_back(apps, schema_editor):
    # The first file of each irritant goes back to its field; the others are left on disk
    # but unreferenced (the old schema holds one file).
    Irritant = apps.get_model("irritants", "Irritant")
    IrritantAttachment = apps.get_model("irritants", "IrritantAttachment")
    first = {}
    for irritant_id, name in IrritantAttachment.objects.order_by("pk").values_list(
        "irritant_id", "file"
    ):
        first.setdefault(irritant_id, name)
    for irritant_id, name in first.items():
        Irritant.objects.filter(pk=irritant_id).update(attachment=name)


class Migration(migrations.Migration):
    dependencies = [
        ("irritants", "0005_followup"),
    ]

    operations = [
        migrations.CreateModel(
            name="IrritantAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "file",
                    models.FileField(
                        storage=irritants.attachments.private_storage,
                        upload_to=irritants.models.attachment_file_path,
                        verbose_name="file",
                    ),
                ),
                (
                    "irritant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="irritants.irritant",
                        verbose_name="irritant",
                    ),
                ),
            ],
            options={
                "verbose_name": "attachment",
                "verbose_name_plural": "attachments",
                "ordering": ["pk"],
            },
        ),
        migrations.RunPython(move_attachments, move_back),
    ]
