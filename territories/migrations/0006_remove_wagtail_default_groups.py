"""Wagtail's migrations create "Editors" and "Moderators" with rights on the whole tree: a
user put there would edit every territory. The access model (territories/permissions.py)
has its own roles, so these two go; the hub's review passes to the network group."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("territories", "0005_territorysettings_footer_links_and_more"),
        # After every migration of Wagtail's that grants these groups something.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
