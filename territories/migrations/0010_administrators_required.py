import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("territories", "0009_administration_launch_invitations"),
    ]

    operations = [
        migrations.AlterField(
            model_name="territory",
            name="administrators",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="administered_territory",
                to="auth.group",
            ),
        ),
    ]
