"""SQLite: an FTS5 table over the folded columns of SearchDocument.

The FTS5 tables are *external content* tables (they store only the index,
reading text from search_searchdocument and search_searchterm), created by
migration 0001. Words are stemmed by FTS5's Porter tokenizer ("remakes"
finds "remake") and matched as prefixes ("cel" finds "cell"); typos are
corrected from a trigram index of title and name words. Ranking is BM25
with titles weighted 10, names 8, summary 2 and body 1 (set as the table's
rank function in the migration).
"""

from datetime import datetime

from django.db import connection

from . import SUPERSEDED, Backend, Candidate, trigrams

BATCH = 500
COLUMNS = "title_key, names_key, summary_key, body_key"


def _batches(ids):
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _placeholders(ids) -> str:
    return ", ".join(["%s"] * len(ids))


class SQLiteBackend(Backend):
    vendor = "sqlite"

    def add(self, ids):
        with connection.cursor() as cursor:
            for batch in _batches(ids):
                cursor.execute(
                    f"INSERT INTO search_fts(rowid, {COLUMNS}) SELECT id, {COLUMNS} "
                    f"FROM search_searchdocument WHERE id IN ({_placeholders(batch)})",
                    batch,
                )

    def remove(self, ids):
        # External content: FTS5 needs the old values to take them out of the index.
        with connection.cursor() as cursor:
            for batch in _batches(ids):
                cursor.execute(
                    f"INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) "
                    f"SELECT 'delete', id, {COLUMNS} FROM search_searchdocument "
                    f"WHERE id IN ({_placeholders(batch)})",
                    batch,
                )

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('delete-all')")
            cursor.execute(
                "INSERT INTO search_term_trigrams(search_term_trigrams) VALUES ('delete-all')"
            )

    def rebuild(self):
        """Index every row of the content tables at once (after a bulk load)."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")

    def rebuild_words(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_term_trigrams(search_term_trigrams) VALUES ('rebuild')"
            )

    def add_words(self, first_new_id):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO search_term_trigrams(rowid, word) "
                "SELECT id, word FROM search_searchterm WHERE id >= %s",
                [first_new_id],
            )

    @staticmethod
    def _expression(terms, *, any_term=False) -> str:
        # Each term is letters and digits only (search.query), quoted so that
        # words like NEAR or OR are never operators, and starred for prefixes.
        return (" OR " if any_term else " ").join(f'"{term}"*' for term in terms)

    def match(self, terms, *, now: datetime, any_term, limit):
        with connection.cursor() as cursor:
            now = connection.ops.adapt_datetimefield_value(now)
            cursor.execute(
                "SELECT d.id, d.kind, d.film_titles_key "
                "FROM search_fts JOIN search_searchdocument d ON d.id = search_fts.rowid "
                "WHERE search_fts MATCH %s AND (d.kind = 'film' OR (d.go_live_at <= %s "
                f"AND NOT {SUPERSEDED.format(now='%s')})) "
                "ORDER BY search_fts.rank LIMIT %s",
                [self._expression(terms, any_term=any_term), now, now, limit],
            )
            return [Candidate(*row) for row in cursor.fetchall()]

    def has_match(self, term):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT 1",
                [self._expression([term])],
            )
            return cursor.fetchone() is not None

    def similar_words(self, term, *, limit):
        grams = trigrams(term)
        if not grams:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_term_trigrams WHERE search_term_trigrams MATCH %s "
                "ORDER BY rank LIMIT %s",
                [" OR ".join(f'"{gram}"' for gram in grams), limit],
            )
            return [row[0] for row in cursor.fetchall()]
