"""Who else has an article's form open: a light poll from the form.

The form calls ``still_here`` every few seconds; someone counts as present
for ``PRESENT_FOR`` after their last call, so a closed laptop drops out on
its own. This only warns: the optimistic lock on saving stays the guarantee.
"""

from datetime import datetime, timedelta

from django.utils import timezone

from .models import Article, EditingPresence

PRESENT_FOR = timedelta(seconds=45)


def still_here(*, article: Article, user, now: datetime | None = None) -> list:
    """Record that ``user`` has ``article`` open; return the others who do, by name."""
    now = now or timezone.now()
    EditingPresence.objects.update_or_create(article=article, user=user, defaults={"seen_at": now})
    others = (
        EditingPresence.objects.recent(since=now - PRESENT_FOR)
        .filter(article=article)
        .exclude(user=user)
        .select_related("user")
        .order_by("seen_at")
    )
    return [presence.user for presence in others]


def left(*, article: Article, user) -> None:
    EditingPresence.objects.filter(article=article, user=user).delete()
