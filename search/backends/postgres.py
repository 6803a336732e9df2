"""PostgreSQL: a weighted tsvector with a GIN index, and pg_trgm for typos.

Built with django.contrib.postgres.search on the folded columns of
SearchDocument: titles weigh A, names B, summary C, body D, stemmed by the
English configuration ("remakes" finds "remake") and matched as prefixes
("cel" finds "cell"). The GIN index on ``vector`` and the trigram GIN index
on SearchTerm.word are created by migration 0002 on PostgreSQL only.

The queries a reader's request runs are written out in SQL (below), each
using one of those indexes (tests/search/test_query_plans.py checks the
plans): building them with the ORM cost more than running them.
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction

from ..models import SearchDocument
from . import SUPERSEDED, Backend, Candidate

CONFIG = "english"
# ts_rank's weights for D, C, B, A: body, summary, names, title.
WEIGHTS = "{0.05, 0.2, 0.6, 1.0}"
VECTOR = (
    SearchVector("title_key", weight="A", config=CONFIG)
    + SearchVector("names_key", weight="B", config=CONFIG)
    + SearchVector("summary_key", weight="C", config=CONFIG)
    + SearchVector("body_key", weight="D", config=CONFIG)
)

# Parameters: the tsquery, now, now, limit. `@@` uses the GIN index on vector.
MATCH_SQL = (
    "SELECT d.id, d.kind, d.film_titles_key "
    f"FROM search_searchdocument d, to_tsquery('{CONFIG}', %s) query "
    "WHERE d.vector @@ query "
    f"AND (d.kind = 'film' OR (d.go_live_at <= %s AND NOT {SUPERSEDED.format(now='%s')})) "
    # Ties go to the older revision, then the film: the same order after a rebuild.
    f"ORDER BY ts_rank('{WEIGHTS}'::float4[], d.vector, query) DESC, "
    "d.revision_id ASC NULLS LAST, d.film_id LIMIT %s"
)
# "Does any page have this word?", asked of a word that is probably a typo.
# Written as `… LIMIT 1`, the planner expected an early hit and read the
# whole table instead of the index (1 s at 100,000 articles for a word no
# page has); planned on its own (a materialized CTE), the match uses the
# GIN index, and the LIMIT only stops reading its rows.
HAS_MATCH_SQL = (
    "WITH found AS MATERIALIZED (SELECT id FROM search_searchdocument "
    f"WHERE vector @@ to_tsquery('{CONFIG}', %s)) SELECT 1 FROM found LIMIT 1"
)

# Typo correction. `%` (similarity above pg_trgm.similarity_threshold) is
# answered by the trigram GIN index on the vocabulary; at the default
# threshold of 0.3 it matched so much of a large vocabulary that the lookup
# grew with it (1.5 s at 100,000 articles). Raised for this transaction
# only, it keeps the words a reader plausibly meant ("mirakle" and
# "miracle" score 0.45); at most CANDIDATES of them are then ordered by
# similarity, and engine.closest_word picks by edit distance.
SIMILARITY_THRESHOLD = 0.4
CANDIDATES = 200
SET_THRESHOLD_SQL = "SELECT set_config('pg_trgm.similarity_threshold', %s, true)"
# Parameters: the term, CANDIDATES, the term, the limit.
SIMILAR_WORDS_SQL = (
    "SELECT word FROM ("
    "SELECT word FROM search_searchterm WHERE word %% %s LIMIT %s"
    ") AS close ORDER BY similarity(word, %s) DESC, word LIMIT %s"
)


def _query(terms, *, any_term=False) -> str:
    # Each term is letters and digits only (search.query); quoted as a
    # lexeme and starred for prefix matching, so no reader input is syntax.
    joiner = " | " if any_term else " & "
    return joiner.join(f"'{term}':*" for term in terms)


def _merge_pending(gin_index: str) -> None:
    """Move a bulk load's entries from a GIN index's pending list into the index.

    Rows written after a GIN index was built wait in a pending list that
    every search reads whole, until autovacuum merges it; after a rebuild
    that is the entire index, so the first searches would pay for it.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [gin_index])


class PostgresBackend(Backend):
    vendor = "postgresql"

    def add(self, ids):
        SearchDocument.objects.filter(pk__in=ids).update(vector=VECTOR)

    def remove(self, ids):
        pass  # the vector is a column of the row: deleting the row forgets it

    def clear(self):
        pass

    def rebuild(self):
        SearchDocument.objects.update(vector=VECTOR)
        _merge_pending("search_document_vector")

    def rebuild_words(self):
        _merge_pending("search_term_trigram")

    def match(self, terms, *, now, any_term, limit):
        with connection.cursor() as cursor:
            cursor.execute(MATCH_SQL, [_query(terms, any_term=any_term), now, now, limit])
            return [Candidate(*row) for row in cursor.fetchall()]

    def has_match(self, term):
        with connection.cursor() as cursor:
            cursor.execute(HAS_MATCH_SQL, [_query([term])])
            return cursor.fetchone() is not None

    def similar_words(self, term, *, limit):
        with transaction.atomic(), connection.cursor() as cursor:
            # set_config(…, true) is SET LOCAL: it ends with this transaction.
            cursor.execute(SET_THRESHOLD_SQL, [str(SIMILARITY_THRESHOLD)])
            cursor.execute(SIMILAR_WORDS_SQL, [term, CANDIDATES, term, limit])
            return [row[0] for row in cursor.fetchall()]
