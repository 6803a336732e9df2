"""The moderators' steps: approve, request changes, unpublish, restore.

Each acts on a revision or an article under its row lock, checks the
moderator's permission itself, records what it did in the audit trail and
brings the publication state, the cached pages and the search index up to
date in the same transaction. Approving is the only way a submission goes
live; an imported article's first approval keeps its old site's dates.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from articles.models import Article, ReviewComment, Revision
from search import index as search_index
from staff import audit

from .common import (
    APPROVE_PERMISSION,
    UNPUBLISH_PERMISSION,
    Status,
    User,
    WorkflowError,
    _has_gone_live,
    _lock,
    _lock_revision,
    _next_number,
    _supersede_later_schedules,
    frozen_content,
    require_permission,
    same_content,
    self_approval_allowed,
)
from .imports import OriginalDates, _record_original_update
from .notifications import _notify_submitter
from .publication_state import _checked_go_live, _refresh_publication


@transaction.atomic
def approve(
    *,
    revision: Revision,
    user: User,
    go_live_at: datetime | None = None,
    is_minor: bool | None = None,
    comment: str = "",
    backdate: bool = False,
) -> Revision:
    """Approve a pending revision: live now, or at ``go_live_at`` (no cron job needed).

    ``is_minor`` confirms or overrides the editor's flag; None keeps it. A
    go-live in the past is refused, since it would backdate the "Updated"
    date readers see; ``backdate=True`` allows it for loading a site's
    existing history (the demo, imports), and only there.
    """
    require_permission(user, APPROVE_PERMISSION, "approve articles")
    revision = _lock_revision(revision)
    if revision.status != Status.PENDING:
        raise WorkflowError(
            f"Revision {revision.number} is not awaiting review "
            f"({revision.get_status_display().lower()})."
        )
    if revision.created_by_id == user.pk and not self_approval_allowed():
        raise PermissionDenied(
            "You submitted this revision yourself; another moderator has to approve it."
        )
    article = revision.article
    now = timezone.now()
    go_live_at = _checked_go_live(go_live_at, now=now, backdate=backdate)
    _refresh_publication(article, now)
    is_minor = revision.is_minor if is_minor is None else is_minor
    if is_minor and not _has_gone_live(article, now):
        raise WorkflowError("The first publication of an article cannot be a minor change.")
    newer = article.revisions.filter(status=Status.APPROVED, number__gt=revision.number)
    if (newer := newer.order_by("-number").first()) is not None:
        raise WorkflowError(
            f"Revision {newer.number} was made live after this one was submitted; "
            "ask for the changes to be submitted again."
        )
    dates = OriginalDates.from_content(revision.content.get("original_dates"))
    keeps_original_dates = dates is not None and not _has_gone_live(article, now)
    if keeps_original_dates:
        # An imported article's first publication keeps its old site's dates.
        go_live_at = dates.published
    _supersede_later_schedules(article, number=revision.number, go_live_at=go_live_at)
    revision.status = Status.APPROVED
    revision.is_minor = is_minor
    revision.reviewed_by = user
    revision.reviewed_at = now
    revision.review_comment = comment.strip()
    revision.go_live_at = go_live_at
    revision.save(
        update_fields=[
            "status",
            "is_minor",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
            "go_live_at",
        ]
    )
    if keeps_original_dates:
        _record_original_update(revision, dates=dates, user=user, now=now)
    # Indexed now even when scheduled: search keeps it out of results until
    # its go-live time, then shows it instead of the revision it replaces.
    _refresh_publication(article, now)
    search_index.sync_article(article_id=article.pk)
    audit.workflow_action(
        user=user,
        action="approved" if go_live_at <= now else "scheduled",
        revision=revision,
        detail=f"goes live {go_live_at.isoformat()}; {'minor' if is_minor else 'update'}. "
        + comment.strip(),
    )
    _notify_submitter(revision, reviewer=user)
    return revision


@transaction.atomic
def request_changes(
    *,
    revision: Revision,
    user: User,
    comment: str,
    item_comments: list[tuple[str, int, str]] = (),
) -> Revision:
    """Send a pending revision back to its editor, saying why.

    ``item_comments`` are (kind, position, text) for single sections
    ("section") or questions ("question"), 1-based as in the revision; the
    editor sees each next to that item in the form. A general comment is
    required unless there is at least one item comment.
    """
    require_permission(user, APPROVE_PERMISSION, "review articles")
    item_comments = [(kind, position, text.strip()) for kind, position, text in item_comments]
    item_comments = [entry for entry in item_comments if entry[2]]
    if not comment.strip() and not item_comments:
        raise WorkflowError("Say what needs changing: the comment is required.")
    revision = _lock_revision(revision)
    if revision.status != Status.PENDING:
        raise WorkflowError(
            f"Revision {revision.number} is not awaiting review "
            f"({revision.get_status_display().lower()})."
        )
    items = {"section": revision.sections, "question": revision.questions}
    rows = []
    for kind, position, text in item_comments:
        frozen_items = items.get(kind)
        if frozen_items is None or not 1 <= position <= len(frozen_items):
            raise WorkflowError(f"Revision {revision.number} has no {kind} {position}.")
        item = frozen_items[position - 1]
        rows.append(
            ReviewComment(
                revision=revision,
                kind=kind,
                position=position,
                item_title=item.get("heading") or item.get("question", ""),
                item_id=item.get("id"),
                body=text,
            )
        )
    ReviewComment.objects.bulk_create(rows)
    revision.status = Status.CHANGES_REQUESTED
    revision.reviewed_by = user
    revision.reviewed_at = timezone.now()
    revision.review_comment = comment.strip()
    revision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    audit.workflow_action(
        user=user, action="requested changes", revision=revision, detail=comment.strip()
    )
    _notify_submitter(revision, reviewer=user, item_comments=rows)
    return revision


@transaction.atomic
def unpublish(*, article: Article, user: User) -> Article:
    """Take the article off every public page; its address answers 410 Gone.

    Nothing is deleted: its revisions stay, and ``restore`` (or approving a
    new submission) brings it back. Revisions scheduled for later are
    retired, or they would bring it back when their time came.
    """
    require_permission(user, UNPUBLISH_PERMISSION, "unpublish articles")
    article = _lock(article)
    now = timezone.now()
    if _refresh_publication(article, now).live_revision_id is None:
        raise WorkflowError("The article is not live, so there is nothing to unpublish.")
    article.revisions.scheduled(now).update(status=Status.SUPERSEDED)
    Article.objects.filter(pk=article.pk).update(unpublished_at=now, unpublished_by=user)
    article.unpublished_at, article.unpublished_by = now, user
    _refresh_publication(article, now)
    search_index.sync_article(article_id=article.pk)
    audit.workflow_action(user=user, action="unpublished", article=article)
    return article


@transaction.atomic
def restore(
    *, revision: Revision, user: User, change_summary: str = "", is_minor: bool = False
) -> Revision:
    """Make an earlier revision's content live again now, as a new revision.

    Only a revision that readers once saw can be restored: its content was
    approved. The new revision records which one it copies.
    """
    require_permission(user, UNPUBLISH_PERMISSION, "restore revisions")
    revision = _lock_revision(revision)
    article = revision.article
    now = timezone.now()
    if revision.status != Status.APPROVED or revision.go_live_at > now:
        raise WorkflowError(
            f"Revision {revision.number} never went live, so it cannot be restored."
        )
    _refresh_publication(article, now)
    live = Revision.objects.live().filter(article=article).first()
    if live is not None and same_content(live, frozen_content(revision)):
        raise WorkflowError(f"Revision {revision.number}'s content is what readers see already.")
    number = _next_number(article)
    _supersede_later_schedules(article, number=number, go_live_at=now)
    restored = Revision.objects.create(
        article=article,
        number=number,
        status=Status.APPROVED,
        change_summary=change_summary.strip() or f"Restored revision {revision.number}.",
        is_minor=is_minor,
        created_by=user,
        created_at=now,
        reviewed_by=user,
        reviewed_at=now,
        go_live_at=now,
        restored_from=revision,
        **frozen_content(revision),
    )
    _refresh_publication(article, now)
    search_index.sync_article(article_id=article.pk)
    audit.workflow_action(
        user=user,
        action="restored",
        revision=restored,
        detail=f"content of revision {revision.number}",
    )
    return restored
