"""Who may change topics: Moderators, because a topic's name and introduction
reach readers as soon as they are saved, and moderators are the ones who review
every text readers see. Editors may look at topics (and suggest changes to a
moderator) but not change them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# (group, app_label, codename)
GRANTS = [
    ("Editors", "topics", "view_topic"),
    ("Moderators", "topics", "view_topic"),
    ("Moderators", "topics", "add_topic"),
    ("Moderators", "topics", "change_topic"),
    ("Moderators", "topics", "delete_topic"),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("topics")
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
        ("topics", "0001_initial"),
        ("articles", "0004_review_workflow_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
