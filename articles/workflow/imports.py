"""Articles moved here from another site: their original dates, and direct publication.

``OriginalDates`` carries when an imported article was first published and
last updated on its old site; ``submit`` freezes them with the content and
``approve`` uses them for the first publication. ``publish_import_directly``
is the one-time migration path that makes an imported article live without
review (administrators only). Both record the old site's last update as a
revision of its own.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Revision
from articles.snapshot import freeze
from search import index as search_index

from .common import (
    Status,
    User,
    WorkflowError,
    _has_gone_live,
    _lock,
    _next_number,
    _supersede_later_schedules,
    frozen_content,
    same_content,
)
from .publication_state import _refresh_publication


@dataclass(frozen=True)
class OriginalDates:
    """When an imported article was first published and last updated on its old site."""

    published: datetime
    updated: datetime | None = None

    def as_content(self) -> dict:
        return {
            "published": self.published.isoformat(),
            "updated": self.updated.isoformat() if self.updated else None,
        }

    @classmethod
    def from_content(cls, value: dict | None) -> "OriginalDates | None":
        if not value or not value.get("published"):
            return None
        updated = value.get("updated")
        return cls(
            published=datetime.fromisoformat(value["published"]),
            updated=datetime.fromisoformat(updated) if updated else None,
        )

    def check(self, now: datetime) -> None:
        if self.published > now or (self.updated and self.updated > now):
            raise WorkflowError("Original dates cannot be in the future.")
        if self.updated and self.updated < self.published:
            raise WorkflowError("An article cannot be updated before it was published.")


def _record_original_update(revision: Revision, *, dates: OriginalDates, user, now) -> None:
    """The old site's "last updated" as a revision of its own, so "Updated" shows it.

    Only the article's final content is known, so this revision repeats it.
    """
    if not dates.updated or dates.updated <= dates.published:
        return
    Revision.objects.create(
        article=revision.article,
        number=_next_number(revision.article),
        status=Status.APPROVED,
        change_summary="Updated on the site this article was imported from.",
        created_by=revision.created_by,
        created_at=now,
        reviewed_by=user,
        reviewed_at=now,
        go_live_at=dates.updated,
        **frozen_content(revision),
    )


@transaction.atomic
def publish_import_directly(
    *,
    article: Article,
    user: User,
    original_dates: OriginalDates | None = None,
    change_summary: str = "",
) -> Revision:
    """Make an imported working copy live without review (administrators only).

    For a one-time migration of a whole site. A first publication goes live
    at the old site's "published" date, with its "updated" date as a second
    revision; later ones go live at the file's "updated" date when that is
    newer than what is live, else now. Anything waiting for review is replaced.
    """
    if not (user.is_active and user.is_superuser):
        raise PermissionDenied(
            "Only an administrator can publish imported articles without review."
        )
    article = _lock(article)
    now = timezone.now()
    if original_dates is not None:
        original_dates.check(now)
    frozen = freeze(article)
    newest = article.revisions.filter(status=Status.APPROVED).order_by("-number").first()
    if newest and same_content(newest, frozen) and article.unpublished_at is None:
        raise WorkflowError(f"Nothing has changed since revision {newest.number}.")
    article.revisions.pending().update(status=Status.SUPERSEDED)
    first = not _has_gone_live(article, now)
    if first:
        go_live_at = original_dates.published if original_dates else now
    else:
        latest = article.revisions.gone_live(now).order_by("-go_live_at").first().go_live_at
        wanted = original_dates and (original_dates.updated or original_dates.published)
        go_live_at = wanted if wanted and wanted > latest else now
    number = _next_number(article)
    _supersede_later_schedules(article, number=number, go_live_at=go_live_at)
    revision = Revision.objects.create(
        article=article,
        number=number,
        status=Status.APPROVED,
        change_summary=change_summary.strip(),
        created_by=user,
        created_at=now,
        reviewed_by=user,
        reviewed_at=now,
        go_live_at=go_live_at,
        **frozen,
    )
    if first and original_dates is not None:
        _record_original_update(revision, dates=original_dates, user=user, now=now)
    _refresh_publication(article, now)
    search_index.sync_article(article_id=article.pk)
    return revision
