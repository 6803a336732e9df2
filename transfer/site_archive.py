"""`export_site`: the whole site as one portable, lossless archive.

What goes in (the layout is in docs/importing.md, "Site archives"):

- ``data/content.json``: every content row, in Django's serialization
  format with primary keys kept, so revision numbers, admin addresses and
  the links between rows survive as they are; staff accounts are named by
  username (natural keys), never by number;
- ``data/accounts.json``: staff accounts (username, names, e-mail, flags,
  groups and permissions, dates) and groups with their permissions, but no
  password hashes: an imported account cannot sign in until its password is
  set again;
- ``media/<storage name>``: each picture's master and renditions, under the
  names pages and frozen revisions point at;
- ``manifest.json``: the format and its version, the schema (each app's
  newest migration), the number of rows of each model, and every file's size
  and SHA-256.

Left out on purpose: what is derived (the publication state and its built
pages, which import rebuilds with the workflow's own rule; the search index,
rebuilt too) and what belongs to the installation, not the content (who has
a form open now, reader rate-limit counts, sessions, sign-in throttling, the
audit trail with its client addresses, the admin's action log).
"""

import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from articles.models import (
    Article,
    Publication,
    ReferenceRevision,
    ReviewComment,
    Revision,
    SavedVersion,
    Section,
    SiteSettings,
)
from corrections.models import Correction
from faq.models import Question
from films.models import Author, Availability, Credit, Film, Rating
from images.models import Image
from sitepages.models import SitePage
from topics.models import Topic

from .archive_files import FORMAT, VERSION, ArchiveError, ArchiveWriter

# In the order they are loaded (rows point only at rows loaded before them,
# except films at their originals and revisions at the ones they restore).
CONTENT_MODELS = [
    Image,
    Film,
    Credit,
    Availability,
    Rating,
    Author,
    Article,
    Section,
    Question,
    Revision,
    ReviewComment,
    SavedVersion,
    SiteSettings,
    ReferenceRevision,
    Correction,
    Topic,  # with its films and articles
    SitePage,
]
# Apps whose schema the archive's rows follow.
SCHEMA_APPS = [
    "auth",
    "images",
    "films",
    "articles",
    "faq",
    "corrections",
    "topics",
    "sitepages",
]
CONTENT_FILE = "data/content.json"
ACCOUNTS_FILE = "data/accounts.json"
PUBLICATION_FILE = "data/publication.json"


def label(model) -> str:
    return model._meta.label_lower


class _Encoder(json.JSONEncoder):
    # Django's own encoder cuts datetimes to milliseconds; an exact copy
    # keeps the microseconds (revisions are ordered by them).
    def default(self, o):
        if isinstance(o, datetime | date | time):
            return o.isoformat()
        if isinstance(o, Decimal):
            return str(o)
        return super().default(o)


def dumps(value) -> bytes:
    return json.dumps(value, cls=_Encoder, ensure_ascii=False, indent=0).encode()


def media_names(image: Image) -> list[str]:
    """The storage names of an image's master and renditions."""
    names = [image.file.name] if image.file else []
    return names + [r["name"] for r in image.renditions if isinstance(r, dict) and "name" in r]


def schema() -> dict[str, str]:
    """The newest applied migration of each app the archive's rows depend on."""
    newest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if app in SCHEMA_APPS and name > newest.get(app, ""):
            newest[app] = name
    return newest


def _accounts() -> dict:
    User = get_user_model()

    def permissions(queryset):
        return sorted(
            [p.content_type.app_label, p.codename] for p in queryset.select_related("content_type")
        )

    groups = [
        {"name": group.name, "permissions": permissions(group.permissions.all())}
        for group in Group.objects.order_by("name").prefetch_related("permissions")
    ]
    users = [
        {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_staff": user.is_staff,
            "is_active": user.is_active,
            "is_superuser": user.is_superuser,
            "date_joined": user.date_joined,
            "groups": sorted(g.name for g in user.groups.all()),
            "permissions": permissions(user.user_permissions.all()),
        }
        for user in User.objects.order_by("pk").prefetch_related("groups")
    ]
    return {"groups": groups, "users": users}


def _publication() -> list[dict]:
    # For the record and for checking: import derives the same from revisions.
    return [
        {
            "article": p.article_id,
            "live_revision": p.live_revision_id,
            "published_at": p.published_at,
            "updated_at": p.updated_at,
            "next_go_live_at": p.next_go_live_at,
        }
        for p in Publication.objects.order_by("article_id")
    ]


def export_site(path: Path) -> dict[str, int]:
    """Write the whole site to ``path`` (.zip or .tar.gz); return rows per model and files."""
    writer = ArchiveWriter(path)
    outermost = not connection.in_atomic_block
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                # One consistent snapshot of every table, while editors work on.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            counts = _write(writer)
    except BaseException:
        writer.abandon()
        raise
    return counts


def _write(writer: ArchiveWriter) -> dict[str, int]:
    rows, counts = [], {}
    for model in CONTENT_MODELS:
        objects = serializers.serialize(
            "python",
            model._default_manager.order_by("pk").iterator(chunk_size=2000),
            use_natural_foreign_keys=True,
        )
        rows.extend(objects)
        counts[label(model)] = len(objects)
    writer.add(CONTENT_FILE, dumps(rows))
    accounts = _accounts()
    writer.add(ACCOUNTS_FILE, dumps(accounts))
    writer.add(PUBLICATION_FILE, dumps(_publication()))
    counts["auth.user"] = len(accounts["users"])
    files = 0
    for image in Image.objects.order_by("pk"):
        for name in media_names(image):
            try:
                with default_storage.open(name, "rb") as source:
                    data = source.read()
            except OSError:
                raise ArchiveError(
                    f"The picture file “{name}” (image {image.pk}) is missing from the media "
                    "storage; nothing was written."
                ) from None
            writer.add(f"media/{name}", data)
            files += 1
    counts["media files"] = files
    writer.finish(
        {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": timezone.now().isoformat(),
            "schema": schema(),
            "counts": counts,
        }
    )
    return counts
