"""The tree's root page and root collection are named « Réseau », not Wagtail's « Root »: the
admin shows them in breadcrumbs, the page and collection choosers and the collection field,
and Wagtail's initial data is not translated (no msgid names them)."""

from django.db import migrations

WAGTAIL_NAME = "Root"
NETWORK_NAME = "Réseau"


def rename(apps, old, new):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=old).update(
        title=new, draft_title=new
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=old).update(name=new)


def name_the_network(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, NETWORK_NAME)


def back_to_wagtail(apps, schema_editor):
    rename(apps, NETWORK_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_networkhomepage_to_hub"),
        ("wagtailcore", "0025_collection_initial_data"),
        # After the last territories migration: tests/test_app_moves.py migrates territories
        # back to where the app moves ended, which undoes this one too, so that the root's
        # row reads as it did before them.
        ("territories", "0013_territorysettings_banner"),
    ]

    operations = [migrations.RunPython(name_the_network, back_to_wagtail)]
