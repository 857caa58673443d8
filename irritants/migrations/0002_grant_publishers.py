from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_irritant", "change_irritant", "delete_irritant"]


def grant(apps, schema_editor):
    """Territories opened before irritants existed: their publishers review them too."""
    # Permissions are normally created after every migration has run: too late here.
    app_config = apps.get_app_config("irritants")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Territory = apps.get_model("territories", "Territory")
    permissions = list(
        Permission.objects.filter(content_type__app_label="irritants", codename__in=CODENAMES)
    )
    for territory in Territory.objects.select_related("publishers"):
        territory.publishers.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("irritants", "0001_initial"),
        ("territories", "0004_territorysettings_irritant_retention_months"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
