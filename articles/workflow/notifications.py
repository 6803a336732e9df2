"""Who is told about a submission or a review, and what the e-mail says.

Spoiler-free: titles, change summaries, comments and admin links only.
Sent after the transaction commits (``notify_after_commit``). The lists of
moderators to notify and of possible approvers are used by the admin and
reference_workflow.py as well.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from articles.models import Revision
from filmsite.dates import format_when
from filmsite.links import absolute_url
from filmsite.notifications import notify_after_commit
from filmsite.users import display_name

from .common import APPROVE_PERMISSION, PERMISSIONS_BACKEND, Status, User, self_approval_allowed


def admin_link(name: str, *args) -> str:
    return absolute_url(reverse(name, args=args))


def moderators_to_notify(*, exclude: User | None = None):
    users = get_user_model().objects.with_perm(
        APPROVE_PERMISSION,
        is_active=True,
        include_superusers=True,
        backend=PERMISSIONS_BACKEND,
    )
    users = users.exclude(email="")
    if exclude is not None and exclude.pk:
        users = users.exclude(pk=exclude.pk)
    return users


def _notify_moderators(revision: Revision, *, submitter: User, replaced: Revision | None):
    lines = [
        f"{display_name(submitter)} submitted “{revision.title}” for review "
        f"(revision {revision.number}{', marked as a minor change' if revision.is_minor else ''}).",
        "",
        f"What changed: {revision.change_summary or '(no summary given)'}",
    ]
    if replaced is not None:
        lines.append(f"It replaces revision {replaced.number}, which no longer needs review.")
    lines += ["", f"Review it: {admin_link('admin:articles_submission_review', revision.pk)}"]
    notify_after_commit(
        recipients=moderators_to_notify(exclude=submitter).values_list("email", flat=True),
        subject=f"Review requested: {revision.title}",
        body="\n".join(lines),
    )


def is_first_publication(revision: Revision) -> bool:
    """True when no other revision of the article went (or goes) live before this one."""
    before = revision.go_live_at or timezone.now()
    earlier = revision.article.revisions.filter(status=Status.APPROVED, go_live_at__lte=before)
    return not earlier.exclude(pk=revision.pk).exists()


def approvers_for(*, submitter: User):
    """Who could approve a submission by ``submitter`` (active moderators, admins)."""
    users = get_user_model().objects.with_perm(
        APPROVE_PERMISSION, is_active=True, include_superusers=True, backend=PERMISSIONS_BACKEND
    )
    if not self_approval_allowed() and submitter.pk:
        users = users.exclude(pk=submitter.pk)
    return users.order_by("first_name", "last_name", "username")


def _notify_submitter(revision: Revision, *, reviewer: User, item_comments=()):
    submitter = revision.created_by
    if submitter is None or not submitter.email or submitter.pk == reviewer.pk:
        return
    if revision.status == Status.APPROVED:
        if revision.go_live_at <= timezone.now():
            outcome = "is live now"
        else:
            outcome = f"goes live on {format_when(revision.go_live_at)}"
        subject = f"Approved: {revision.title}"
        what = (
            "the first publication"
            if is_first_publication(revision)
            else f"revision {revision.number}"
        )
        first = f"{display_name(reviewer)} approved {what} of “{revision.title}”; it {outcome}."
    else:
        subject = f"Changes requested: {revision.title}"
        first = (
            f"{display_name(reviewer)} asked for changes to revision {revision.number} "
            f"of “{revision.title}” before it can go live."
        )
    lines = [first, "", f"Your summary: {revision.change_summary or '(none)'}"]
    if revision.review_comment:
        lines += ["", f"Comment: {revision.review_comment}"]
    for note in item_comments:
        lines += ["", f"On {note.kind} {note.position} “{note.item_title}”: {note.body}"]
    lines += [
        "",
        f"The article: {admin_link('admin:articles_article_change', revision.article_id)}",
    ]
    notify_after_commit(recipients=[submitter.email], subject=subject, body="\n".join(lines))
