"""The desk: what the signed-in editor or moderator has to do next.

The admin index shows it. Every list is capped (``LIMIT`` rows, with the
full count beside it), and each list and count is one query on indexed
columns, so the desk costs the same at 100,000 articles as at 10. The
review queue's "size of the change" is computed in Python for the few
rows shown, from one extra query for the revisions they are compared with.
Changes to films, authors and the site settings (reference_workflow) have
lists of their own, one query each, sized from the rows they list.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import diff, reference_diff
from .models import Article, ReferenceRevision, Revision
from .workflow import APPROVE_PERMISSION, SUBMIT_PERMISSION

LIMIT = 10
Status = Revision.Status


@dataclass
class Shelf:
    """One list on the desk: the first rows and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


@dataclass
class QueueRow:
    revision: Revision
    size: str  # "2 sections changed, 1 question added", in words


@dataclass
class Desk:
    is_editor: bool = False
    is_moderator: bool = False
    drafts: Shelf | None = None
    awaiting: Shelf | None = None
    sent_back: Shelf | None = None
    scheduled: Shelf | None = None
    queue: Shelf | None = None
    corrections: Shelf | None = None
    stale_facts: Shelf | None = None
    changes_queue: Shelf | None = None
    changes_sent_back: Shelf | None = None
    changes_awaiting: Shelf | None = None

    def _ordered(self):
        # A moderator's first job is the queue; an editor's, what came back.
        editor = ["sent_back", "changes_sent_back", "drafts", "awaiting", "changes_awaiting"]
        moderator = ["queue", "changes_queue", "scheduled", "corrections"]
        keys = [*moderator, *editor] if self.is_moderator else [*editor, "scheduled"]
        keys.append("stale_facts")
        for key in dict.fromkeys(keys):
            shelf = getattr(self, key)
            if shelf is not None:
                yield key, SHELF_TITLES[key](self), shelf

    @property
    def shelves(self) -> list[tuple[str, str, Shelf]]:
        """The lists with something in them, in the order this user works through them."""
        return [entry for entry in self._ordered() if entry[2].total]

    @property
    def empty(self) -> list[str]:
        """Titles of the lists with nothing in them."""
        return [title for _, title, shelf in self._ordered() if not shelf.total]


SHELF_TITLES = {
    "sent_back": lambda desk: "Sent back to you",
    "drafts": lambda desk: "Your drafts",
    "awaiting": lambda desk: "Your submissions awaiting review",
    "queue": lambda desk: "Review queue",
    "scheduled": lambda desk: (
        "Scheduled go-lives" if desk.is_moderator else "Your scheduled changes"
    ),
    "corrections": lambda desk: "Open reader corrections",
    "stale_facts": lambda desk: "Facts to re-check",
    "changes_queue": lambda desk: "Film, author and site changes to review",
    "changes_sent_back": lambda desk: "Film, author and site changes sent back to you",
    "changes_awaiting": lambda desk: "Your film, author and site changes awaiting review",
}


def _shelf(queryset, limit=LIMIT) -> Shelf:
    rows = list(queryset[:limit])
    total = len(rows) if len(rows) < limit else queryset.count()
    return Shelf(rows, total)


def not_resubmitted():
    """Revisions sent back whose article has had no newer submission since."""
    newer = Revision.objects.filter(article=OuterRef("article"), number__gt=OuterRef("number"))
    return Revision.objects.filter(status=Status.CHANGES_REQUESTED).filter(~Exists(newer))


def sent_back_to(user):
    """What moderators sent back to ``user`` and they have not resubmitted, newest first."""
    return (
        not_resubmitted()
        .filter(created_by=user)
        .select_related("article", "reviewed_by")
        .order_by("-reviewed_at", "-pk")
    )


def awaiting_review(user=None):
    pending = Revision.objects.pending().select_related("article", "created_by")
    if user is not None:
        pending = pending.filter(created_by=user)
    return pending.order_by("created_at", "pk")


def scheduled(now: datetime, user=None):
    upcoming = Revision.objects.scheduled(now)
    if user is not None:
        upcoming = upcoming.filter(created_by=user)
    return upcoming.select_related("article", "reviewed_by").order_by("go_live_at", "pk")


def drafts_of(user):
    """Working copies ``user`` saved last, with changes no revision holds yet.

    "Changes" means saved after the article's newest revision was made (or
    never submitted at all); articles awaiting review are listed elsewhere.
    """
    revisions = Revision.objects.filter(article=OuterRef("pk"))
    newer_revision = revisions.filter(created_at__gte=OuterRef("updated_at"))
    return (
        Article.objects.filter(last_edited_by=user)
        .filter(~Exists(newer_revision), ~Exists(revisions.pending()))
        .only("pk", "title", "updated_at")
        .order_by("-updated_at", "-pk")
    )


def change_size(change: diff.RevisionDiff) -> str:
    """The size of a change in words a moderator can weigh at a glance."""
    if change.old is None:
        return (
            f"first publication: {len(change.sections)} sections, {len(change.questions)} questions"
        )
    parts = []
    if change.fields:
        parts.append(f"{len(change.fields)} field{'s' if len(change.fields) != 1 else ''}")
    for kind, count in change.summary().items():
        parts.append(f"{count} {kind}")
    return ", ".join(parts) or "no visible change"


def _queue(now: datetime) -> Shelf:
    shelf = _shelf(awaiting_review())
    if not shelf.rows:
        return shelf
    live_by_article = {
        live.article_id: live
        for live in Revision.objects.live().filter(
            article_id__in=[revision.article_id for revision in shelf.rows]
        )
    }
    shelf.rows = [
        QueueRow(
            revision, change_size(diff.compare(live_by_article.get(revision.article_id), revision))
        )
        for revision in shelf.rows
    ]
    return shelf


def _changes_queue() -> Shelf:
    """Pending changes to films, authors and the settings, sized against what readers saw."""
    shelf = _shelf(
        ReferenceRevision.objects.pending()
        .select_related("created_by")
        .order_by("created_at", "pk")
    )
    shelf.rows = [
        QueueRow(
            revision,
            reference_diff.compare(
                revision.kind, revision.base, revision.snapshot, with_names=False
            ).size(),
        )
        for revision in shelf.rows
    ]
    return shelf


def changes_sent_back_to(user):
    return (
        ReferenceRevision.objects.not_resubmitted()
        .filter(created_by=user)
        .select_related("reviewed_by")
        .order_by("-reviewed_at", "-pk")
    )


def changes_awaiting_review(user):
    return ReferenceRevision.objects.pending().filter(created_by=user).order_by("created_at", "pk")


def facts_max_age() -> timedelta:
    return timedelta(days=getattr(settings, "FILMSITE_FACTS_MAX_AGE_DAYS", 90))


def desk_for(user, *, now: datetime | None = None) -> Desk:
    """The desk of ``user``: editors see their own work, moderators the queue too."""
    now = now or timezone.now()
    desk = Desk(
        is_editor=user.has_perm(SUBMIT_PERMISSION),
        is_moderator=user.has_perm(APPROVE_PERMISSION),
    )
    if desk.is_editor:
        desk.sent_back = _shelf(sent_back_to(user))
        desk.drafts = _shelf(drafts_of(user))
        desk.awaiting = _shelf(awaiting_review(user))
        desk.changes_sent_back = _shelf(changes_sent_back_to(user))
        desk.changes_awaiting = _shelf(changes_awaiting_review(user))
    if desk.is_moderator:
        desk.queue = _queue(now)
        desk.changes_queue = _changes_queue()
        desk.scheduled = _shelf(scheduled(now))
        desk.corrections = _open_corrections()
    elif desk.is_editor:
        desk.scheduled = _shelf(scheduled(now, user))
    if desk.is_editor or desk.is_moderator:
        desk.stale_facts = _stale_facts(now)
    return desk


def _open_corrections() -> Shelf:
    from corrections.models import Correction

    return _shelf(Correction.objects.new().select_related("article").order_by("created_at", "pk"))


def _stale_facts(now: datetime) -> Shelf | None:
    from .facts import films_to_recheck

    return _shelf(films_to_recheck(now - facts_max_age()))
