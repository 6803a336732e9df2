"""What every workflow action shares: permissions, the error, row locks, content checks.

The permission names and the check each action makes before anything else,
the lock that keeps two moderators from acting on one article at once,
revision numbering, and the comparisons that tell whether a revision
already holds some content. Kept apart so the modules that act (editing,
review, imports) and the ones that report (notifications) use one
definition of each rule.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Max

from articles.models import Article, Revision

SUBMIT_PERMISSION = "articles.submit_article"
APPROVE_PERMISSION = "articles.publish_article"
UNPUBLISH_PERMISSION = "articles.unpublish_article"
# The authentication backend that holds permissions (the sign-in throttle,
# listed first in AUTHENTICATION_BACKENDS, holds none).
PERMISSIONS_BACKEND = "filmsite.auth.DemoAccountAwareBackend"

Status = Revision.Status
User = AbstractBaseUser | AnonymousUser


class WorkflowError(Exception):
    """An action that cannot be done in the article's current state."""


def require_permission(user: User, permission: str, doing: str) -> None:
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


def _without_item_ids(content: dict) -> dict:
    # Item ids only point review comments at working-copy rows; readers never see them.
    return {
        **content,
        **{
            key: [{k: v for k, v in item.items() if k != "id"} for item in content.get(key, [])]
            for key in ("sections", "questions")
        },
    }


def same_content(revision: Revision, frozen: dict) -> bool:
    """True when ``revision`` holds exactly the content ``frozen`` describes."""
    return all(
        _without_item_ids(getattr(revision, field)) == _without_item_ids(value)
        if field == "content"
        else getattr(revision, field) == value
        for field, value in frozen.items()
    )


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
