"""Every change to the published record goes through these functions.

They are keyword-only, atomic, check the acting user's permissions
themselves (so no view or admin action can skip the check), and are the
only code that creates revisions or changes their state.
"""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import Article, Revision
from .snapshot import freeze

PUBLISH_PERMISSION = "articles.publish_article"


class WorkflowError(Exception):
    """An action that cannot be done in the article's current state."""


def _next_number(article: Article) -> int:
    # Lock the article row so two publishers cannot take the same number.
    Article.objects.select_for_update().filter(pk=article.pk).first()
    highest = article.revisions.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


@transaction.atomic
def publish(
    *,
    article: Article,
    user: AbstractBaseUser,
    change_summary: str = "",
    is_minor: bool = False,
    go_live_at: datetime | None = None,
) -> Revision:
    """Freeze the working copy and make it live now, or at ``go_live_at``."""
    if not user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied("You do not have permission to publish articles.")
    now = timezone.now()
    go_live_at = go_live_at or now
    number = _next_number(article)
    has_been_published = article.revisions.gone_live(now).exists()
    if is_minor and not has_been_published:
        raise WorkflowError("The first publication of an article cannot be a minor change.")
    frozen = freeze(article)
    newest = article.revisions.filter(status=Revision.Status.APPROVED).order_by("-number").first()
    if newest and _same_content(newest, frozen):
        raise WorkflowError(
            f"Nothing has changed since revision {newest.number}; there is nothing to publish."
        )
    # An older revision scheduled for later than this one would never be
    # seen (the newer number wins), so it is retired rather than left waiting.
    article.revisions.filter(
        status=Revision.Status.APPROVED, go_live_at__gte=go_live_at, number__lt=number
    ).update(status=Revision.Status.SUPERSEDED)
    revision = Revision.objects.create(
        article=article,
        number=number,
        status=Revision.Status.APPROVED,
        change_summary=change_summary.strip(),
        is_minor=is_minor,
        created_by=user,
        created_at=now,
        reviewed_by=user,
        reviewed_at=now,
        go_live_at=go_live_at,
        **frozen,
    )
    return revision


def _same_content(revision: Revision, frozen: dict) -> bool:
    return all(getattr(revision, field) == value for field, value in frozen.items())
