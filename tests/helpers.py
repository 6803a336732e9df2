"""Helpers shared across the suite (model factories are in tests/factories.py)."""

import importlib

from django.urls import reverse

from articles import workflow
from articles.models import Revision


def edit(article, body):
    """Change the working copy's first section, as an editor would."""
    section = article.sections.first()
    section.body = body
    section.save()


def live(article):
    """The article's live revision, once due schedules are promoted (as the first
    request after a go-live does, see articles.middleware)."""
    workflow.promote_due()
    return Revision.objects.live().filter(article=article).first()


def page_status(client, slug):
    return client.get(reverse("articles:article", kwargs={"slug": slug})).status_code


def state(article):
    """Everything the workflow may change, to check that refused actions change nothing."""
    article.refresh_from_db()
    return (
        list(
            Revision.objects.filter(article=article)
            .order_by("number")
            .values_list(
                "number", "status", "go_live_at", "is_minor", "reviewed_by", "review_comment"
            )
        ),
        article.unpublished_at,
    )


def restore_staff_groups():
    """Recreate the groups migrations 0002 and 0004 make, if a flush removed them."""
    from django.contrib.auth.models import Group, Permission

    groups = importlib.import_module("articles.migrations.0002_editorial_groups").GROUPS
    grants = importlib.import_module("articles.migrations.0004_review_workflow_permissions").GRANTS
    images = importlib.import_module("images.migrations.0002_staff_permissions").PERMISSIONS
    topics = importlib.import_module("topics.migrations.0002_staff_permissions").GRANTS
    topics += importlib.import_module("sitepages.migrations.0002_staff_permissions").GRANTS
    corrections = importlib.import_module("corrections.migrations.0002_correction_permissions")
    topics += [
        (group, "corrections", codename)
        for group, codenames in corrections.GROUP_PERMISSIONS.items()
        for codename in codenames
    ]
    moved = importlib.import_module("articles.migrations.0006_films_move_to_their_own_app")

    def app_now(app, codename):
        # The films app's models were defined in articles when 0002 ran.
        model = codename.split("_", 1)[1]
        return "films" if app == "articles" and model in moved.MOVED_MODELS else app

    wanted_by_group = {name: list(wanted) + images.get(name, []) for name, wanted in groups.items()}
    for name, app, codename in [*grants, *topics]:
        wanted_by_group.setdefault(name, []).append((app, codename))
    for name, wanted in wanted_by_group.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(
                [
                    Permission.objects.get(
                        content_type__app_label=app_now(app, codename), codename=codename
                    )
                    for app, codename in wanted
                ]
            )
