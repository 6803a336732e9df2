"""Every change to the published record goes through these functions.

They are keyword-only, atomic, check the acting user's permissions
themselves (so no view or admin action can skip the check), and are the
only code that creates revisions or changes their state.

The only way to go live is submit → approve:

- ``submit``: an editor freezes the working copy into a *pending* revision;
- ``approve``: a moderator makes it live now or at a future time;
- ``request_changes``: a moderator sends it back with a comment;
- ``unpublish``: a moderator takes the article off the site (nothing deleted);
- ``restore``: a moderator makes an earlier revision's content live again,
  as a new revision.

Staff are told by e-mail after the transaction commits (see ``notify``).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from filmsite.links import absolute_url
from filmsite.notifications import notify_after_commit

from .models import Article, Revision
from .snapshot import freeze

SUBMIT_PERMISSION = "articles.submit_article"
APPROVE_PERMISSION = "articles.publish_article"
UNPUBLISH_PERMISSION = "articles.unpublish_article"

Status = Revision.Status
User = AbstractBaseUser | AnonymousUser


class WorkflowError(Exception):
    """An action that cannot be done in the article's current state."""


@dataclass(frozen=True)
class Submitted:
    """What ``submit`` did: the new pending revision, and the one it replaced."""

    revision: Revision
    replaced: Revision | None


def _require(user: User, permission: str, doing: str) -> None:
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied(f"You do not have permission to {doing}.")


def _lock(article: Article) -> Article:
    """Lock the article row, so two moderators cannot act on it at once."""
    return Article.objects.select_for_update().get(pk=article.pk)


def _lock_revision(revision: Revision) -> Revision:
    _lock(revision.article)
    return Revision.objects.select_related("article", "created_by").get(pk=revision.pk)


def _next_number(article: Article) -> int:
    highest = article.revisions.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def _has_gone_live(article: Article, now: datetime) -> bool:
    return article.revisions.gone_live(now).exists()


def same_content(revision: Revision, frozen: dict) -> bool:
    """True when ``revision`` holds exactly the content ``frozen`` describes."""
    return all(getattr(revision, field) == value for field, value in frozen.items())


def frozen_content(revision: Revision) -> dict:
    """The content fields of ``revision``, as ``freeze`` returns them."""
    return {
        "title": revision.title,
        "slug": revision.slug,
        "standfirst": revision.standfirst,
        "meta_description": revision.meta_description,
        "film_id": revision.film_id,
        "author_id": revision.author_id,
        "content": revision.content,
    }


def self_approval_allowed() -> bool:
    return bool(getattr(settings, "FILMSITE_ALLOW_SELF_APPROVAL", False))


def may_approve(*, revision: Revision, user: User) -> bool:
    """Whether ``user`` may approve ``revision`` (for showing or hiding buttons)."""
    if not (user.is_active and user.has_perm(APPROVE_PERMISSION)):
        return False
    return self_approval_allowed() or revision.created_by_id != user.pk


def _supersede_later_schedules(article: Article, *, number: int, go_live_at: datetime) -> int:
    # An older revision scheduled for later than this one would never be
    # seen (the newer number wins), so it is retired rather than left waiting.
    return article.revisions.filter(
        status=Status.APPROVED, go_live_at__gte=go_live_at, number__lt=number
    ).update(status=Status.SUPERSEDED)


# Editors ------------------------------------------------------------------


@transaction.atomic
def submit(
    *, article: Article, user: User, change_summary: str = "", is_minor: bool = False
) -> Submitted:
    """Freeze the working copy into a pending revision for a moderator to review.

    A pending revision already waiting for the article is replaced (marked
    superseded): moderators review only the newest submission.
    """
    _require(user, SUBMIT_PERMISSION, "submit articles for review")
    article = _lock(article)
    now = timezone.now()
    if is_minor and not _has_gone_live(article, now):
        raise WorkflowError("The first publication of an article cannot be a minor change.")
    frozen = freeze(article)
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
    _notify_moderators(revision, submitter=user, replaced=replaced)
    return Submitted(revision=revision, replaced=replaced)


# Moderators ---------------------------------------------------------------


@transaction.atomic
def approve(
    *,
    revision: Revision,
    user: User,
    go_live_at: datetime | None = None,
    is_minor: bool | None = None,
    comment: str = "",
) -> Revision:
    """Approve a pending revision: live now, or at ``go_live_at`` (no cron job needed).

    ``is_minor`` confirms or overrides the editor's flag; None keeps it.
    """
    _require(user, APPROVE_PERMISSION, "approve articles")
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
    go_live_at = go_live_at or now
    is_minor = revision.is_minor if is_minor is None else is_minor
    if is_minor and not _has_gone_live(article, now):
        raise WorkflowError("The first publication of an article cannot be a minor change.")
    newer = article.revisions.filter(status=Status.APPROVED, number__gt=revision.number)
    if (newer := newer.order_by("-number").first()) is not None:
        raise WorkflowError(
            f"Revision {newer.number} was made live after this one was submitted; "
            "ask for the changes to be submitted again."
        )
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
    _notify_submitter(revision, reviewer=user)
    return revision


@transaction.atomic
def request_changes(*, revision: Revision, user: User, comment: str) -> Revision:
    """Send a pending revision back to its editor, saying why."""
    _require(user, APPROVE_PERMISSION, "review articles")
    if not comment.strip():
        raise WorkflowError("Say what needs changing: the comment is required.")
    revision = _lock_revision(revision)
    if revision.status != Status.PENDING:
        raise WorkflowError(
            f"Revision {revision.number} is not awaiting review "
            f"({revision.get_status_display().lower()})."
        )
    revision.status = Status.CHANGES_REQUESTED
    revision.reviewed_by = user
    revision.reviewed_at = timezone.now()
    revision.review_comment = comment.strip()
    revision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    _notify_submitter(revision, reviewer=user)
    return revision


@transaction.atomic
def unpublish(*, article: Article, user: User) -> Article:
    """Take the article off every public page; its address answers 410 Gone.

    Nothing is deleted: its revisions stay, and ``restore`` (or approving a
    new submission) brings it back. Revisions scheduled for later are
    retired, or they would bring it back when their time came.
    """
    _require(user, UNPUBLISH_PERMISSION, "unpublish articles")
    article = _lock(article)
    now = timezone.now()
    if not Revision.objects.live(now).filter(article=article).exists():
        raise WorkflowError("The article is not live, so there is nothing to unpublish.")
    article.revisions.filter(status=Status.APPROVED, go_live_at__gt=now).update(
        status=Status.SUPERSEDED
    )
    Article.objects.filter(pk=article.pk).update(unpublished_at=now, unpublished_by=user)
    article.unpublished_at, article.unpublished_by = now, user
    return article


@transaction.atomic
def restore(
    *, revision: Revision, user: User, change_summary: str = "", is_minor: bool = False
) -> Revision:
    """Make an earlier revision's content live again now, as a new revision.

    Only a revision that readers once saw can be restored: its content was
    approved. The new revision records which one it copies.
    """
    _require(user, UNPUBLISH_PERMISSION, "restore revisions")
    revision = _lock_revision(revision)
    article = revision.article
    now = timezone.now()
    if revision.status != Status.APPROVED or revision.go_live_at > now:
        raise WorkflowError(
            f"Revision {revision.number} never went live, so it cannot be restored."
        )
    live = Revision.objects.live(now).filter(article=article).first()
    if live is not None and same_content(live, frozen_content(revision)):
        raise WorkflowError(f"Revision {revision.number}'s content is what readers see already.")
    number = _next_number(article)
    _supersede_later_schedules(article, number=number, go_live_at=now)
    return Revision.objects.create(
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


# Notifications (spoiler-free: titles, change summaries, comments, links) --


def _admin_link(name: str, *args) -> str:
    return absolute_url(reverse(name, args=args))


def moderators_to_notify(*, exclude: User | None = None):
    users = get_user_model().objects.with_perm(
        APPROVE_PERMISSION, is_active=True, include_superusers=True
    )
    users = users.exclude(email="")
    if exclude is not None and exclude.pk:
        users = users.exclude(pk=exclude.pk)
    return users


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "someone"


def _notify_moderators(revision: Revision, *, submitter: User, replaced: Revision | None):
    lines = [
        f"{_name(submitter)} submitted “{revision.title}” for review "
        f"(revision {revision.number}{', marked as a minor change' if revision.is_minor else ''}).",
        "",
        f"What changed: {revision.change_summary or '(no summary given)'}",
    ]
    if replaced is not None:
        lines.append(f"It replaces revision {replaced.number}, which no longer needs review.")
    lines += ["", f"Review it: {_admin_link('admin:articles_submission_review', revision.pk)}"]
    notify_after_commit(
        recipients=moderators_to_notify(exclude=submitter).values_list("email", flat=True),
        subject=f"Review requested: {revision.title}",
        body="\n".join(lines),
    )


def _notify_submitter(revision: Revision, *, reviewer: User):
    submitter = revision.created_by
    if submitter is None or not submitter.email or submitter.pk == reviewer.pk:
        return
    if revision.status == Status.APPROVED:
        when = timezone.localtime(revision.go_live_at)
        if revision.go_live_at <= timezone.now():
            outcome = "is live now"
        else:
            outcome = f"goes live on {when:%Y-%m-%d %H:%M} {when.tzname()}"
        subject = f"Approved: {revision.title}"
        first = (
            f"{_name(reviewer)} approved revision {revision.number} "
            f"of “{revision.title}”; it {outcome}."
        )
    else:
        subject = f"Changes requested: {revision.title}"
        first = (
            f"{_name(reviewer)} asked for changes to revision {revision.number} "
            f"of “{revision.title}” before it can go live."
        )
    lines = [first, "", f"Your summary: {revision.change_summary or '(none)'}"]
    if revision.review_comment:
        lines += ["", f"Comment: {revision.review_comment}"]
    lines += [
        "",
        f"The article: {_admin_link('admin:articles_article_change', revision.article_id)}",
    ]
    notify_after_commit(recipients=[submitter.email], subject=subject, body="\n".join(lines))
