"""The cache generations move to the core (home/migrations/0003)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('pagecache', '0001_generation'),
        ('home', '0003_generation_from_pagecache'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app holds them moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Generation',
                ),
            ],
        ),
    ]
