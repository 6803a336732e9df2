"""The two staff roles, with their permissions.

Editors write working copies; Moderators may also publish. Permissions are
normally created after migrations run, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = [
    ("articles", "view_article"), ("articles", "add_article"), ("articles", "change_article"),
    ("articles", "view_section"), ("articles", "add_section"), ("articles", "change_section"),
    ("articles", "delete_section"),
    ("faq", "view_question"), ("faq", "add_question"), ("faq", "change_question"),
    ("faq", "delete_question"),
    ("articles", "view_film"), ("articles", "add_film"), ("articles", "change_film"),
    ("articles", "view_credit"), ("articles", "add_credit"), ("articles", "change_credit"),
    ("articles", "delete_credit"),
    ("articles", "view_availability"), ("articles", "add_availability"),
    ("articles", "change_availability"), ("articles", "delete_availability"),
    ("articles", "view_rating"), ("articles", "add_rating"), ("articles", "change_rating"),
    ("articles", "delete_rating"),
    ("articles", "view_author"),
    ("articles", "view_revision"),
]  # fmt: skip
MODERATOR_EXTRA_PERMISSIONS = [
    ("articles", "publish_article"),
    ("articles", "add_author"), ("articles", "change_author"),
    ("articles", "view_sitesettings"), ("articles", "change_sitesettings"),
]  # fmt: skip
GROUPS = {
    "Editors": EDITOR_PERMISSIONS,
    "Moderators": EDITOR_PERMISSIONS + MODERATOR_EXTRA_PERMISSIONS,
}


def create_groups(apps, schema_editor):
    for app_label in ("articles", "faq"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("faq", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
