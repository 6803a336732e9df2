"""`import_site`: load a site archive (see site_archive.py) into an empty database.

Everything is checked before anything is written (the container, names,
sizes, hashes, format version, schema), and everything is written in one
transaction: rows with their original keys, staff accounts with unusable
passwords, then the publication state worked out from the revisions by the
workflow (``rebuild_publication_state``) and checked (``check_invariants``),
then the search index. Pictures are written to the media storage as the
rows are loaded; if anything fails, the files this import wrote are removed
again and the transaction rolls back, so nothing is left half-imported.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles import workflow
from articles.models import Publication, SiteSettings
from pagecache import pages
from search import index as search_index

from .archive_files import ArchiveError, ArchiveReader, checked_name
from .site_archive import (
    ACCOUNTS_FILE,
    CONTENT_FILE,
    CONTENT_MODELS,
    PUBLICATION_FILE,
    label,
    media_names,
    schema,
)

ALLOWED = {label(model): model for model in CONTENT_MODELS}


@dataclass
class Imported:
    counts: dict[str, int] = field(default_factory=dict)
    new_accounts: list[str] = field(default_factory=list)
    kept_accounts: list[str] = field(default_factory=list)
    media_files: int = 0
    indexed: int = 0


def content_in_database() -> dict[str, int]:
    """Rows of content already here, by model (the site settings row aside)."""
    found = {}
    for model in CONTENT_MODELS:
        if model is SiteSettings:
            continue
        count = model._default_manager.count()
        if count:
            found[str(model._meta.verbose_name_plural)] = count
    return found


def refuse_unless_empty() -> None:
    here = content_in_database()
    if here:
        listed = ", ".join(f"{n} {name}" for name, n in here.items())
        raise ArchiveError(
            f"This database already has content ({listed}); import_site loads only into "
            "an empty one (run `manage.py migrate` on a new database first)."
        )


def import_site(path: Path) -> Imported:
    refuse_unless_empty()
    with ArchiveReader(path) as archive:
        _check_schema(archive.manifest.get("schema"))
        rows = archive.read_json(CONTENT_FILE)
        accounts = archive.read_json(ACCOUNTS_FILE)
        publication = archive.read_json(PUBLICATION_FILE)
        if not (
            isinstance(rows, list) and isinstance(accounts, dict) and isinstance(publication, list)
        ):
            raise ArchiveError("The archive's data files are not in the expected form.")
        written: list[str] = []
        try:
            with transaction.atomic():
                refuse_unless_empty()  # again, now inside the transaction
                result = _load(archive, rows, accounts, publication, written)
        except BaseException:
            for name in written:
                default_storage.delete(name)
            raise
    SiteSettings._loaded.clear()
    return result


def _check_schema(archived) -> None:
    if not isinstance(archived, dict):
        raise ArchiveError("The archive's manifest does not say which schema it follows.")
    applied = set(MigrationRecorder(connection).applied_migrations())
    for app, name in sorted(archived.items()):
        if (app, name) not in applied:
            raise ArchiveError(
                f"The archive was made with a newer or different filmsite (its {app} data "
                f"follows migration {name}, which this database has not applied); upgrade "
                "and migrate first."
            )
    ours = schema()
    for app in ours:
        if app not in archived:
            raise ArchiveError(f"The archive's manifest does not say which {app} schema it has.")


def _load(archive, rows, accounts, publication, written) -> Imported:
    result = Imported()
    _load_accounts(accounts, result)
    SiteSettings.objects.all().delete()
    loaded = _load_rows(rows, result)
    result.media_files = _write_media(archive, loaded, written)
    _reset_sequences()
    try:
        connection.check_constraints(table_names=[m._meta.db_table for m in CONTENT_MODELS])
    except IntegrityError as error:
        raise ArchiveError(
            f"The archive's rows point at rows it does not hold ({error})."
        ) from None
    articles = {row.get("article") for row in publication if isinstance(row, dict)}
    articles |= set(loaded["revision_articles"])
    workflow.rebuild_publication_state(article_ids=sorted(a for a in articles if a))
    problems = workflow.check_invariants()
    if problems:
        raise ArchiveError(
            f"The archive's revisions break the workflow's rules: {problems[0]}"
            + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")
        )
    _check_publication(publication)
    result.indexed = search_index.rebuild()
    # Whatever pages an earlier, empty site left in the page cache are stale.
    pages.touch(pages.SITE)
    return result


def _load_accounts(accounts: dict, result: Imported) -> None:
    User = get_user_model()
    try:
        for spec in accounts.get("groups", []):
            group, created = Group.objects.get_or_create(name=spec["name"])
            if created:
                group.permissions.set(_permissions(spec.get("permissions", [])))
        for spec in accounts.get("users", []):
            username = spec["username"]
            if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
                result.kept_accounts.append(username)
                continue
            user = User(
                **{User.USERNAME_FIELD: username},
                **{
                    name: spec[name]
                    for name in ("first_name", "last_name", "email")
                    if name in spec
                },
                is_staff=bool(spec.get("is_staff")),
                is_active=bool(spec.get("is_active")),
                is_superuser=bool(spec.get("is_superuser")),
            )
            if spec.get("date_joined"):
                user.date_joined = parse_datetime(spec["date_joined"])
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
            user.groups.set([Group.objects.get(name=name) for name in spec.get("groups", [])])
            user.user_permissions.set(_permissions(spec.get("permissions", [])))
            result.new_accounts.append(username)
    except (KeyError, TypeError, ValueError, Group.DoesNotExist) as error:
        raise ArchiveError(f"The archive's staff accounts are malformed ({error}).") from None
    except ValidationError as error:
        raise ArchiveError(
            f"A staff account in the archive is invalid: {_one_line(error)}"
        ) from None


def _permissions(pairs) -> list[Permission]:
    found = []
    for app_label, codename in pairs:
        try:
            found.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        except Permission.DoesNotExist:
            raise ArchiveError(
                f"The archive names a permission this site does not have: {app_label}.{codename}."
            ) from None
    return found


def _load_rows(rows: list, result: Imported) -> dict:
    loaded = {"images": [], "revision_articles": set()}
    for row in rows:
        model = row.get("model") if isinstance(row, dict) else None
        if model not in ALLOWED:
            raise ArchiveError(f"The archive holds rows of an unknown kind: {str(model)[:80]!r}.")
    try:
        for item in serializers.deserialize("python", rows, handle_forward_references=False):
            obj = item.object
            name = label(type(obj))
            relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
            try:
                # Links between rows are checked by the database once all are in.
                obj.clean_fields(exclude=relations)
            except ValidationError as error:
                raise ArchiveError(
                    f"{name} {obj.pk} in the archive is invalid: {_one_line(error)}"
                ) from None
            item.save(force_insert=True)
            result.counts[name] = result.counts.get(name, 0) + 1
            if name == "images.image":
                loaded["images"].append(obj)
            elif name == "articles.revision":
                loaded["revision_articles"].add(obj.article_id)
    except (DeserializationError, DatabaseError, KeyError, TypeError, ValueError) as error:
        raise ArchiveError(f"A row in the archive cannot be loaded: {_one_line(error)}") from None
    return loaded


def _write_media(archive: ArchiveReader, loaded: dict, written: list[str]) -> int:
    wanted = {name for image in loaded["images"] for name in media_names(image)}
    for name in sorted(wanted):
        checked_name(name)  # a picture row naming a file outside the media folder
    present = {name.removeprefix("media/") for name in archive.names("media/")}
    for name in sorted(present - wanted):
        raise ArchiveError(f"“media/{name}” in the archive belongs to no picture.")
    for name in sorted(wanted):
        data = archive.read(f"media/{name}")  # a missing one is named by read
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as existing:
                if existing.read() == data:
                    continue
            raise ArchiveError(
                f"The media storage already has a different file named “{name}”; "
                "nothing was imported."
            )
        saved = default_storage.save(name, ContentFile(data))
        written.append(saved)
        if saved != name:
            raise ArchiveError(f"The media storage would not keep the name “{name}”.")
    return len(wanted)


def _reset_sequences() -> None:
    # Rows came with their keys: the next row an editor adds must not collide.
    statements = connection.ops.sequence_reset_sql(no_style(), CONTENT_MODELS)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _check_publication(archived) -> None:
    """What readers saw at export is what the workflow now derives (schedules aside)."""
    now = timezone.now()
    for row in archived:
        if not isinstance(row, dict):
            raise ArchiveError("The archive's publication record is malformed.")
        stored = Publication.objects.filter(article_id=row.get("article")).first()
        live = stored.live_revision_id if stored else None
        if live == row.get("live_revision"):
            continue
        due = parse_datetime(row.get("next_go_live_at") or "")
        if due is not None and due <= now:
            continue  # a scheduled revision went live between export and import
        raise ArchiveError(
            f"Article {row.get('article')}: the archive says revision {row.get('live_revision')} "
            f"was live, but its revisions make {live} live."
        )


def _one_line(error) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        text = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    else:
        text = str(error)
    return " ".join(text.split())[:300]
