"""What readers see of each article, stored, and when the next scheduled revision goes live.

``_refresh_publication`` applies ``live_state`` to an article's approved
revisions and stores the result (``Publication``), touching the cached
pages it changes; every action calls it. ``promote_due`` makes scheduled
revisions live when their time comes, ``rebuild_publication_state`` derives
the state of a site loaded from an archive, and the next go-live moment is
announced to every worker (see pagecache/clock.py).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from articles import cards
from articles.models import Article, Publication, Revision
from articles.models.publication import live_state
from pagecache import pages
from pagecache.clock import NONE_SCHEDULED, UNKNOWN, get_clock
from search import index as search_index

from .common import Status, WorkflowError

# How far in the past a go-live chosen as "now" may lie (a form filled in a
# few seconds ago); it then goes live at once. Anything earlier is refused.
GO_LIVE_GRACE = timedelta(minutes=1)


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
