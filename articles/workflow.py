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
  as a new revision;
- ``film_changed``: a new film was added, or the demo loader wrote one, and
  ``author_changed`` an author (changes to an existing film or author are
  held for review and applied by reference_workflow.py, which calls them);
- ``publish_import_directly``: an administrator moving a site here makes an
  imported article live at once, keeping the dates it had on the old site
  (a one-time migration; everyday imports are submitted for review).

- ``promote_due``: a scheduled revision whose time has come goes live (run
  by the first request after its time; no cron job).
- ``rebuild_publication_state``: a site loaded row by row from an archive
  (``import_site``) gets its publication state from its revisions, by the
  same rule every approval applies.

Each of them keeps the site search exact in the same transaction (see
search/index.py): readers find what they can read, and nothing else. Each
stores what readers see of the article afterwards (its live revision and
public dates, ``Publication``) and touches the cached pages that show it, so
every worker serves the new state at once.

An imported article keeps its original "Published" and "Updated" dates:
``submit`` freezes them with the content (``original_dates``) and ``approve``
uses them for the article's first publication. From then on the usual rule
holds: every later non-minor approval moves "Updated".

Staff are told by e-mail after the transaction commits (see ``notify``).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from films.models import Author, Film
from filmsite.dates import format_when
from filmsite.links import absolute_url
from filmsite.notifications import notify_after_commit
from filmsite.users import display_name
from pagecache import pages
from pagecache.clock import NONE_SCHEDULED, UNKNOWN, get_clock
from search import index as search_index
from staff import audit

from . import cards, checklist
from .models import Article, Publication, ReviewComment, Revision
from .models.publication import live_state
from .snapshot import freeze

# How far in the past a go-live chosen as "now" may lie (a form filled in a
# few seconds ago); it then goes live at once. Anything earlier is refused.
GO_LIVE_GRACE = timedelta(minutes=1)

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


# Editors ------------------------------------------------------------------


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
    _require(user, SUBMIT_PERMISSION, "submit articles for review")
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


# Moderators ---------------------------------------------------------------


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
    _require(user, APPROVE_PERMISSION, "review articles")
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
    _require(user, UNPUBLISH_PERMISSION, "unpublish articles")
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
    _require(user, UNPUBLISH_PERMISSION, "restore revisions")
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


# Films ----------------------------------------------------------------------


@transaction.atomic
def film_changed(*, film: Film, family: set[int] = frozenset()) -> None:
    """A film's facts (titles, director, cast) were written: update what shows them.

    Called by the film admin once a new film and its cast are saved, and by
    the demo loader. ``family`` adds the films it was related to before the
    edit (a changed "remake of" moves it to another family).
    """
    search_index.sync_film(film_id=film.pk)
    # The cards of its articles name it (title and year).
    cards.refresh_where(film=film)
    # Its page, the facts box of its articles and of every other version,
    # and listings that name it.
    pages.touch(pages.LISTINGS, *(pages.film_tag(pk) for pk in {*family, *film.family_ids()}))


# Authors --------------------------------------------------------------------


@transaction.atomic
def author_changed(*, author: Author) -> None:
    """An author's name or address was saved: update what shows them.

    Called by the author admin. Bylines, the author page, JSON-LD and feed
    items name the author; feed items are stored with the cards.
    """
    cards.refresh_where(author=author)
    pages.touch(pages.LISTINGS, pages.author_tag(author.pk))


# Time passing ---------------------------------------------------------------


def promote_due(*, now: datetime | None = None) -> int:
    """Make live every approved revision whose scheduled time has come.

    Found through an indexed column (``Publication.next_go_live_at``), so the
    check costs the same at any size; each article is promoted under its row
    lock, in its own transaction, so two requests arriving at the same second
    promote it once. No permission check: nobody acts here, the time has
    come for what a moderator approved. Returns the number of articles whose
    state was brought up to date.
    """
    now = now or timezone.now()
    promoted = 0
    for article_id in list(Publication.objects.due(now).values_list("article_id", flat=True)):
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article_id)
            if Publication.objects.due(now).filter(pk=article_id).exists():
                _refresh_publication(article, now)
                search_index.sync_article(article_id=article_id)
                promoted += 1
            else:
                # Promoted by another worker that has committed but may not
                # have refreshed the pages yet: this request must not be
                # served one built from the rows it replaced.
                pages.touch(pages.LISTINGS, pages.article_tag(article_id))
    _announce_next_go_live()
    return promoted


# Publication state ----------------------------------------------------------


def rebuild_publication_state(*, article_ids, now: datetime | None = None) -> int:
    """Store what readers see of each of ``article_ids``, derived from its revisions.

    For a site loaded row by row from an archive (``transfer.site_import``):
    its revisions arrive with their statuses and go-live times, and the
    publication state is worked out from them by ``live_state``, as every
    approval does, instead of being trusted from the archive. No permission
    check: nobody decides anything here. Call it inside the loading
    transaction, then ``check_invariants``. Returns the number of articles.
    """
    now = now or timezone.now()
    done = 0
    with transaction.atomic():
        articles = Article.objects.select_for_update().filter(pk__in=list(article_ids))
        for article in articles.order_by("pk"):
            _refresh_publication(article, now)
            done += 1
        _announce_next_go_live()
    return done


def check_invariants(*, now: datetime | None = None) -> list[str]:
    """Where the stored state breaks the workflow's rules; empty when all is well.

    For every article: revision numbers run 1, 2, 3 …; at most one revision
    awaits review; approved revisions go live in the order of their numbers
    (an older one scheduled later would have been superseded); the first
    approved one is not minor; and the stored publication state is what
    ``live_state`` decides from the revisions. Used after bulk loads
    (``generate_content``) and by the tests.
    """
    now = now or timezone.now()
    problems = []
    revisions = Revision.objects.order_by("article_id", "number").values_list(
        "pk",
        "article_id",
        "number",
        "status",
        "go_live_at",
        "is_minor",
        "slug",
        "film_id",
        "author_id",
    )
    stored = {
        p.article_id: p
        for p in Publication.objects.only(
            "article_id",
            "live_revision_id",
            "slug",
            "film_id",
            "author_id",
            "published_at",
            "updated_at",
            "next_go_live_at",
        ).iterator(chunk_size=5000)
    }
    unpublished = dict(Article.objects.values_list("pk", "unpublished_at"))

    def check(article_id, rows):
        if [r.number for r in rows] != list(range(1, len(rows) + 1)):
            problems.append(f"article {article_id}: revision numbers are not 1, 2, 3 …")
        if sum(r.status == Status.PENDING for r in rows) > 1:
            problems.append(f"article {article_id}: more than one revision awaits review")
        approved = [r for r in rows if r.status == Status.APPROVED]
        moments = [r.go_live_at for r in approved]
        if moments != sorted(moments) or len(set(moments)) != len(moments):
            problems.append(f"article {article_id}: approved revisions out of go-live order")
        if approved and approved[0].is_minor:
            problems.append(f"article {article_id}: its first publication is marked minor")
        state = live_state(approved, unpublished_at=unpublished.get(article_id), now=now)
        publication = stored.get(article_id)
        if publication is None:
            if approved:
                problems.append(f"article {article_id}: approved, but no publication state")
            return
        live = next((r for r in approved if r.pk == state.revision_id), None)
        expected = (
            state.revision_id,
            state.published_at,
            state.updated_at,
            state.next_go_live_at,
            live.slug if live else "",
            live.film_id if live else None,
            live.author_id if live else None,
        )
        actual = (
            publication.live_revision_id,
            publication.published_at,
            publication.updated_at,
            publication.next_go_live_at,
            publication.slug,
            publication.film_id,
            publication.author_id,
        )
        if expected != actual:
            problems.append(f"article {article_id}: publication state {actual} != {expected}")

    current, rows = None, []
    for (
        pk,
        article_id,
        number,
        status,
        go_live_at,
        is_minor,
        slug,
        film_id,
        author_id,
    ) in revisions.iterator(chunk_size=5000):
        if article_id != current:
            if current is not None:
                check(current, rows)
            current, rows = article_id, []
        rows.append(_Row(pk, number, status, go_live_at, is_minor, slug, film_id, author_id))
    if current is not None:
        check(current, rows)
    return problems


@dataclass(frozen=True)
class _Row:
    pk: int
    number: int
    status: str
    go_live_at: datetime | None
    is_minor: bool
    slug: str
    film_id: int
    author_id: int


def _checked_go_live(go_live_at: datetime | None, *, now: datetime, backdate: bool) -> datetime:
    if go_live_at is None or (not backdate and now - GO_LIVE_GRACE <= go_live_at <= now):
        return now
    if go_live_at < now and not backdate:
        raise WorkflowError(
            "The go-live time is in the past; choose a later time, or approve it to go live now."
        )
    return go_live_at


def _refresh_publication(article: Article, now: datetime) -> Publication:
    """Store what readers see of ``article`` at ``now``, and refresh the pages it changes.

    The rule is ``live_state``; this applies it to the article's approved
    revisions (call it with the article's row locked).
    """
    approved = article.revisions.filter(status=Status.APPROVED).only(
        "pk", "number", "go_live_at", "is_minor"
    )
    state = live_state(list(approved), unpublished_at=article.unpublished_at, now=now)
    live = (
        Revision.objects.only("slug", "film_id", "author_id", "content").get(pk=state.revision_id)
        if state.revision_id
        else None
    )
    publication, _ = Publication.objects.get_or_create(article=article)
    before = (publication.live_revision_id, publication.published_at, publication.updated_at)
    publication.live_revision = live
    publication.slug = live.slug if live else ""
    publication.film_id = live.film_id if live else None
    publication.author_id = live.author_id if live else None
    publication.verdict = live.verdict if live else ""
    publication.published_at = state.published_at
    publication.updated_at = state.updated_at
    scheduled_before = publication.next_go_live_at
    publication.next_go_live_at = state.next_go_live_at
    if before != (publication.live_revision_id, state.published_at, state.updated_at):
        # A new page, built again from the new revision by its first reader;
        # every listing (home, all articles, film and author pages, feeds,
        # sitemaps) shows the change.
        publication.page_html, publication.page_tags, publication.page_stamp = "", [], 0
        if live:
            cards.fill([publication])
        else:
            publication.card, publication.card_version = {}, ""
        publication.save()
        pages.touch(pages.LISTINGS, pages.article_tag(article.pk))
    else:
        publication.save(update_fields=["next_go_live_at"])
    if scheduled_before != state.next_go_live_at or get_clock().next_go_live() == UNKNOWN:
        due_before = scheduled_before is not None and scheduled_before <= now
        _announce_next_go_live(removes_due=due_before and scheduled_before != state.next_go_live_at)
    return publication


def _announce_next_go_live(*, removes_due: bool = False) -> None:
    """Tell every worker when the next scheduled revision goes live (see pagecache/clock.py).

    Set now, so this process knows at once, and again after the commit from
    what is then committed. ``removes_due``: this transaction made live a
    revision whose time had come. Then the moment is set now only if it
    moves earlier: a later one written before the commit would let a
    request on another worker skip the promotion and read the rows not yet
    committed, so it would serve the old revision after its go-live.
    Workers race to write it (a promotion on one instance, a schedule on
    another): the clock's compare-and-set makes a writer that read the
    database before another's commit read it again.
    """

    def next_moment() -> float:
        moment = Publication.objects.filter(next_go_live_at__isnull=False).aggregate(
            next=Min("next_go_live_at")
        )["next"]
        return moment.timestamp() if moment else NONE_SCHEDULED

    def announce():
        get_clock().update_next_go_live(next_moment)

    if not _in_open_transaction():
        announce()
        return
    get_clock().update_next_go_live(next_moment, only_earlier=removes_due)
    transaction.on_commit(announce)


def _in_open_transaction() -> bool:
    """Whether what this connection wrote is still invisible to other workers.

    The test suite's own wrapping transaction is left out, as Django's
    durable-transaction check leaves it out: inside it, a test stands for a
    site whose earlier steps were committed.
    """
    blocks = transaction.get_connection().atomic_blocks
    return any(not getattr(block, "_from_testcase", False) for block in blocks)


# Notifications (spoiler-free: titles, change summaries, comments, links) --


def _admin_link(name: str, *args) -> str:
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
    lines += ["", f"Review it: {_admin_link('admin:articles_submission_review', revision.pk)}"]
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
        f"The article: {_admin_link('admin:articles_article_change', revision.article_id)}",
    ]
    notify_after_commit(recipients=[submitter.email], subject=subject, body="\n".join(lines))
