"""Who may do what with site pages: Editors write them; Moderators also publish
them (and may not publish their own last edit, unless the site allows
self-approval; see sitepages/services.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (group, app_label, codename)
GRANTS = [
    *(
        (group, "sitepages", codename)
        for group in ("Editors", "Moderators")
        for codename in ("view_sitepage", "add_sitepage", "change_sitepage")
    ),
    ("Moderators", "sitepages", "publish_sitepage"),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("sitepages")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_label, codename in GRANTS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, app_label, codename in GRANTS:
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0001_initial"),
        ("articles", "0004_review_workflow_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
