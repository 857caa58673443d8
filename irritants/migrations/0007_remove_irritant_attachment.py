from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("irritants", "0006_irritant_attachments"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="irritant",
            name="attachment",
        ),
    ]
