"""The network home page moves to the hub app (hub/migrations/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_generation_from_pagecache'),
        ('hub', '0001_initial'),
    ]

    operations = [
        # The table stays (hub.NetworkHomePage names it): only the model leaves this app.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='NetworkHomePage',
                ),
            ],
        ),
    ]
