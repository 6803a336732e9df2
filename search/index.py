"""Keeping the index exact: called by the articles.workflow package, never by signals.

The rule: an article has a document for its live revision and for each
revision approved to go live later, and nothing else; every film has one.
``sync_articles`` and ``sync_film`` re-derive that from the database inside
the caller's transaction, so the index changes exactly when (and only if)
what readers see changes. Results then keep only each article's live
revision (the highest-numbered of its due documents, see
search.backends.SUPERSEDED), so a scheduled revision is found from its
go-live time on, with no cron job. Each document also stores what its
result shows (title, film and year, verdict, Updated date, links), so a
film edit reindexes the articles about it.
"""

from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from articles.models import Article, Revision
from articles.models.publication import live_state
from films.models import Film

from . import documents
from .backends import get_backend
from .models import SearchDocument, SearchTerm

VERSION_KEY = "search:index-version"
BATCH = 1000
MAX_WORD = 40


def index_version() -> int:
    """Part of every cached result's key: a change to the index retires them all."""
    return cache.get_or_set(VERSION_KEY, 1, None)


def _retire_cached_results():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _live_or_scheduled() -> Q:
    """The revisions readers see now, or will see at a time already approved."""
    now = timezone.now()
    return Q(pk__in=Revision.objects.live().values("pk")) | Q(
        pk__in=Revision.objects.scheduled(now).values("pk")
    )


def updated_dates(rows) -> dict:
    """Readers' Updated date for each revision row (REVISION_FIELDS), once it is live.

    The live revision's is today's; a scheduled one's is the date it will
    have at its go-live (the workflow reindexes the article then anyway).
    Two queries for the whole batch; the rule is ``live_state``'s.
    """
    article_ids = {row[1] for row in rows}
    approved = {}
    for revision in Revision.objects.filter(
        article_id__in=article_ids, status=Revision.Status.APPROVED
    ).only("pk", "article_id", "number", "go_live_at", "is_minor"):
        approved.setdefault(revision.article_id, []).append(revision)
    unpublished = dict(
        Article.objects.filter(pk__in=article_ids).values_list("pk", "unpublished_at")
    )
    now = timezone.now()
    dates = {}
    for pk, article_id, _, go_live_at, *_ in rows:
        state = live_state(
            approved.get(article_id, []),
            unpublished_at=unpublished.get(article_id),
            now=max(now, go_live_at),
        )
        if state.revision_id == pk:
            dates[pk] = state.updated_at
    return dates


def _revision_documents(revisions) -> list[SearchDocument]:
    rows = list(revisions.values_list(*documents.REVISION_FIELDS))
    films = documents.film_facts(Film.objects.filter(pk__in={row[-1] for row in rows}))
    updated = updated_dates(rows)
    return [documents.for_revision_row(row, films, updated) for row in rows]


def _words(docs: Iterable[SearchDocument]) -> set[str]:
    return {
        word
        for doc in docs
        for word in f"{doc.title_key} {doc.names_key}".split()
        if 3 <= len(word) <= MAX_WORD and not word.isdigit()
    }


def _add_words(words: set[str]) -> None:
    ordered = sorted(words)
    for start in range(0, len(ordered), BATCH):
        batch = ordered[start : start + BATCH]
        known = set(SearchTerm.objects.filter(word__in=batch).values_list("word", flat=True))
        if new := [word for word in batch if word not in known]:
            first = (SearchTerm.objects.aggregate(highest=Max("id"))["highest"] or 0) + 1
            SearchTerm.objects.bulk_create(
                [SearchTerm(word=word) for word in new], ignore_conflicts=True
            )
            get_backend().add_words(first)


def _replace(old, new: list[SearchDocument]) -> None:
    backend = get_backend()
    old_ids = list(old.values_list("pk", flat=True))
    if old_ids:
        backend.remove(old_ids)
        SearchDocument.objects.filter(pk__in=old_ids).delete()
    if new:
        SearchDocument.objects.bulk_create(new)
        backend.add([doc.pk for doc in new])
        _add_words(_words(new))
    transaction.on_commit(_retire_cached_results)


@transaction.atomic
def sync_article(*, article_id: int) -> None:
    """Index what readers can (or will, at a scheduled time) see of one article."""
    sync_articles(article_ids=[article_id])


@transaction.atomic
def sync_articles(*, article_ids: list[int]) -> None:
    revisions = Revision.objects.filter(article_id__in=article_ids).filter(_live_or_scheduled())
    new = _revision_documents(revisions)
    _replace(SearchDocument.objects.filter(article_id__in=article_ids), new)
    # A film saved outside the admin (an import, a script) gets its page
    # indexed at the latest when an article about it is.
    unindexed = {doc.film_id for doc in new} - set(
        SearchDocument.objects.filter(
            kind=SearchDocument.Kind.FILM, film_id__in={doc.film_id for doc in new}
        ).values_list("film_id", flat=True)
    )
    if unindexed:
        films = documents.film_facts(Film.objects.filter(pk__in=unindexed))
        _replace(SearchDocument.objects.none(), [documents.for_film(f) for f in films.values()])


@transaction.atomic
def sync_film(*, film_id: int) -> None:
    """Reindex a film's page and every indexed article about it (names, titles, cast)."""
    facts = documents.film_facts(Film.objects.filter(pk=film_id))
    new = [documents.for_film(facts[film_id])] if facts else []
    _replace(SearchDocument.objects.filter(kind=SearchDocument.Kind.FILM, film_id=film_id), new)
    article_ids = set(
        SearchDocument.objects.filter(
            kind=SearchDocument.Kind.ARTICLE, film_id=film_id
        ).values_list("article_id", flat=True)
    )
    if article_ids:
        sync_articles(article_ids=sorted(article_ids))


# Rebuilding ---------------------------------------------------------------

COLUMNS = [
    "kind",
    "article_id",
    "revision_id",
    "film_id",
    "go_live_at",
    "revision_number",
    "title",
    "url",
    "film_label",
    "film_url",
    "verdict_label",
    "updated_at",
    "summary",
    "body",
    "title_key",
    "names_key",
    "summary_key",
    "body_key",
    "film_titles_key",
]


def _insert(batch: list[SearchDocument]) -> None:
    """Insert rows without the ORM's per-row cost (ids are not needed here)."""
    dates = [COLUMNS.index("go_live_at"), COLUMNS.index("updated_at")]
    rows = []
    for doc in batch:
        values = [getattr(doc, column) for column in COLUMNS]
        for at in dates:
            values[at] = connection.ops.adapt_datetimefield_value(values[at])
        rows.append(values)
    table = SearchDocument._meta.db_table
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({placeholders})", rows
        )


def _chunks(queryset, size=BATCH):
    """Rows of ``queryset`` (a values_list starting with pk) in pk order, ``size`` at a time."""
    last = 0
    while True:
        rows = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def rebuild(*, progress: Callable[[int], None] = lambda done: None) -> int:
    """Index every film and every live or scheduled revision from scratch.

    Returns the number of documents. ``progress`` is called with the number
    of pages done after each batch (for the management command's bar).
    """
    backend = get_backend()
    total, words = 0, set()
    with transaction.atomic():
        backend.clear()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        for rows in _chunks(Film.objects.values_list("pk")):
            facts = documents.film_facts(Film.objects.filter(pk__in=[row[0] for row in rows]))
            batch = [documents.for_film(facts[row[0]]) for row in rows]
            _insert(batch)
            words |= _words(batch)
            total += len(batch)
            progress(total)
        # The live rule is evaluated once, not once per batch.
        due = sorted(Revision.objects.filter(_live_or_scheduled()).values_list("pk", flat=True))
        for start in range(0, len(due), BATCH):
            batch = _revision_documents(Revision.objects.filter(pk__in=due[start : start + BATCH]))
            _insert(batch)
            words |= _words(batch)
            total += len(batch)
            progress(total)
        backend.rebuild()
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=word) for word in sorted(words)], batch_size=BATCH
        )
        backend.rebuild_words()
        transaction.on_commit(_retire_cached_results)
    return total


def count_to_index() -> int:
    """How many pages ``rebuild`` will index (for the progress bar's total)."""
    return Film.objects.count() + Revision.objects.filter(_live_or_scheduled()).count()
