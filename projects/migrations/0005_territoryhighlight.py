"""A territory's highlighted projects, created by the territories app (territories/0001),
move here: the same table and rows, the same content type renamed."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

from home.content_types import move_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0004_calls_to_irritants'),
        ('territories', '0008_delete_territoryhighlight'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        # The table stays where it is: only Django's idea of which app holds it moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='TerritoryHighlight',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='highlights', to='territories.territoryhomepage')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='projects.projectpage', verbose_name='project')),
                    ],
                    options={
                        'verbose_name': 'highlighted project',
                        'verbose_name_plural': 'highlighted projects',
                        'db_table': 'territories_territoryhighlight',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
        ),
        move_content_types('territories', 'projects', ['territoryhighlight']),
    ]
