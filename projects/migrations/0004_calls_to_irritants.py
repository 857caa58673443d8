"""Calls for irritants move to the irritants app (irritants/migrations/0004)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0003_callforirritantspage_publish_results'),
        ('irritants', '0004_calls_from_projects'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app holds them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='callindexpage',
                    name='page_ptr',
                ),
                migrations.DeleteModel(
                    name='CallForIrritantsPage',
                ),
                migrations.DeleteModel(
                    name='CallIndexPage',
                ),
            ],
        ),
    ]
