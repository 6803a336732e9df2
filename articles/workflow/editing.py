"""The editor's step: ``submit`` freezes the working copy into a pending revision.

Everything an article's content goes through before a moderator sees it:
the submission checklist, the rule that a first publication is never
minor, refusing a submission that changes nothing, and replacing an older
submission still waiting for review. What it returns (``Submitted``) lives
here with it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from articles import checklist
from articles.models import Article, Revision
from articles.snapshot import freeze
from staff import audit

from .common import (
    SUBMIT_PERMISSION,
    Status,
    User,
    WorkflowError,
    _has_gone_live,
    _lock,
    _next_number,
    require_permission,
    same_content,
)
from .imports import OriginalDates
from .notifications import _notify_moderators


@dataclass(frozen=True)
class Submitted:
    """What ``submit`` did: the new pending revision, and the one it replaced."""

    revision: Revision
    replaced: Revision | None


@transaction.atomic
def submit(
    *,
    article: Article,
    user: User,
    change_summary: str = "",
    is_minor: bool = False,
    original_dates: OriginalDates | None = None,
) -> Submitted:
    """Freeze the working copy into a pending revision for a moderator to review.

    A pending revision already waiting for the article is replaced (marked
    superseded): moderators review only the newest submission.
    ``original_dates`` (imports only) are frozen with it, for ``approve``.
    """
    require_permission(user, SUBMIT_PERMISSION, "submit articles for review")
    article = _lock(article)
    now = timezone.now()
    if is_minor and not _has_gone_live(article, now):
        raise WorkflowError("The first publication of an article cannot be a minor change.")
    frozen = freeze(article)
    blocking = checklist.blocking(checklist.check(frozen))
    if blocking:
        raise WorkflowError(
            "It cannot be submitted yet: " + " ".join(item.reason for item in blocking)
        )
    if original_dates is not None:
        original_dates.check(now)
        frozen["content"]["original_dates"] = original_dates.as_content()
    newest = article.revisions.filter(status=Status.APPROVED).order_by("-number").first()
    if newest and same_content(newest, frozen) and article.unpublished_at is None:
        raise WorkflowError(
            f"Nothing has changed since revision {newest.number}; there is nothing to submit."
        )
    replaced = article.revisions.pending().order_by("-number").first()
    if replaced is not None:
        article.revisions.pending().update(status=Status.SUPERSEDED)
        replaced.status = Status.SUPERSEDED
    revision = Revision.objects.create(
        article=article,
        number=_next_number(article),
        status=Status.PENDING,
        change_summary=change_summary.strip(),
        is_minor=is_minor,
        created_by=user,
        created_at=now,
        **frozen,
    )
    audit.workflow_action(user=user, action="submitted", revision=revision, detail=change_summary)
    _notify_moderators(revision, submitter=user, replaced=replaced)
    return Submitted(revision=revision, replaced=replaced)
