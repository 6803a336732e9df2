"""One search interface, a backend per database: FTS5 on SQLite, tsvector on PostgreSQL.

The backend only finds and ranks; everything readers see — which matches
are live, exact-title first, pages, excerpts — is decided once, in
search/engine.py, so both databases give the same results.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection


@dataclass(frozen=True)
class Candidate:
    """A matching document, in the backend's rank order."""

    id: int
    kind: str
    film_titles_key: str


@dataclass(frozen=True)
class Shown:
    """What a result shows, as stored in its document at index time."""

    id: int
    kind: str
    title: str
    url: str
    film_label: str
    film_url: str
    verdict_label: str
    updated_at: datetime | None
    summary: str
    body: str


# An article's due documents other than its live revision's: a document of
# the same article with a higher revision number that is due too (the live
# revision is the highest-numbered one whose go-live has passed). The
# workflow removes every document of an unpublished article, so this is
# the whole rule, kept in the one search query. {now} is a placeholder.
SUPERSEDED = (
    "EXISTS (SELECT 1 FROM search_searchdocument newer "
    "WHERE newer.article_id = d.article_id AND newer.revision_number > d.revision_number "
    "AND newer.go_live_at <= {now})"
)
SHOWN_COLUMNS = (
    "id, kind, title, url, film_label, film_url, verdict_label, updated_at, summary, body"
)


class Backend:
    vendor = ""

    def add(self, ids: list[int]) -> None:
        """Index the (saved) documents ``ids``."""
        raise NotImplementedError

    def remove(self, ids: list[int]) -> None:
        """Forget the documents ``ids``; call it before deleting their rows."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def rebuild(self) -> None:
        """Index every SearchDocument row at once (after a bulk load)."""
        raise NotImplementedError

    def rebuild_words(self) -> None:
        """Index every SearchTerm row at once (after a bulk load)."""

    def add_words(self, first_new_id: int) -> None:
        """Index the vocabulary rows from ``first_new_id`` on (see SearchTerm)."""

    def match(
        self, terms: tuple[str, ...], *, now: datetime, any_term: bool, limit: int
    ) -> list[Candidate]:
        """Documents due by ``now`` matching every (or any) term as a word prefix, best first.

        Of an article's documents, only its live revision's (see SUPERSEDED).
        """
        raise NotImplementedError

    def has_match(self, term: str) -> bool:
        raise NotImplementedError

    def shown(self, ids: list[int]) -> dict[int, Shown]:
        """What the results page shows of the documents ``ids``: one primary-key query."""
        if not ids:
            return {}
        convert = getattr(connection.ops, "convert_datetimefield_value", None)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {SHOWN_COLUMNS} FROM search_searchdocument "
                f"WHERE id IN ({', '.join(['%s'] * len(ids))})",
                ids,
            )
            rows = cursor.fetchall()
        shown = {}
        for row in rows:
            shown_row = Shown(*row)
            if convert and shown_row.updated_at is not None:  # SQLite stores text
                updated = convert(shown_row.updated_at, None, connection)
                shown_row = Shown(*row[:7], updated, *row[8:])
            shown[shown_row.id] = shown_row
        return shown

    def similar_words(self, term: str, *, limit: int) -> list[str]:
        """Vocabulary words that look like ``term`` (shared trigrams)."""
        raise NotImplementedError


def get_backend() -> Backend:
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    raise RuntimeError(f"Site search supports SQLite and PostgreSQL, not {connection.vendor}.")


def trigrams(word: str) -> list[str]:
    return list(dict.fromkeys(word[i : i + 3] for i in range(len(word) - 2)))
