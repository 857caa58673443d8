"""The cache generations move from the page cache app to the core (home/generations.py)."""

from django.db import migrations, models

from home.content_types import move_content_types


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
        move_content_types('pagecache', 'home', ['generation']),
    ]
