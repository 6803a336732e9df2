"""The review workflow's permissions, given to the two staff roles.

Editors submit working copies for review and may never make anything live;
Moderators also approve, schedule, request changes, unpublish and restore.
publish_article (from 0001) is now the "review, approve and schedule"
permission, so Moderators keep it; migration 0002 is left as it was.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (group, app_label, codename)
GRANTS = [
    ("Editors", "articles", "submit_article"),
    ("Moderators", "articles", "submit_article"),
    ("Moderators", "articles", "publish_article"),
    ("Moderators", "articles", "unpublish_article"),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("articles")
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
        if codename == "publish_article":
            continue  # granted by 0002
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_review_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
