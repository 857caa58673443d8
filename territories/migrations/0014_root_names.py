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
    # In territories, the app that makes the tree a network of territories.
    dependencies = [
        ("wagtailcore", "0025_collection_initial_data"),
        ("territories", "0013_territorysettings_banner"),
    ]

    operations = [migrations.RunPython(name_the_network, back_to_wagtail)]
