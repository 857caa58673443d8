"""The cache generations move from the page cache app to the core (home/generations.py)."""

from django.db import migrations, models


def rename_content_types(apps, old, new):
    # Same rows, new app: pages, revisions and permissions keep pointing at them.
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ['generation']:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    rename_content_types(apps, 'pagecache', 'home')


def backwards(apps, schema_editor):
    rename_content_types(apps, 'home', 'pagecache')


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_accessibilitypage'),
        ('pagecache', '0001_generation'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app holds them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Generation',
                    fields=[
                        ('scope', models.CharField(max_length=40, primary_key=True, serialize=False)),
                        ('value', models.CharField(max_length=32)),
                    ],
                    options={
                        'db_table': 'pagecache_generation',
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
