"""On PostgreSQL, a reader's search uses the indexes, so its cost follows the matches.

EXPLAIN shows that the document search and its "any match at all?" check
use the GIN index on the weighted vector, and the typo lookup the trigram
GIN index on the vocabulary (its `%` operator, with the threshold raised
for the query), with the planner left to itself as in production. The
tables are first settled as autovacuum would leave them after a bulk load.
Without these indexes each query reads its whole table and grows with the
site: the "any match?" check once did, for a word no page has (1 s at
100,000 articles).
"""

import random
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from benchmarks.search_corpus import SYLLABLES
from search.backends import postgres
from search.models import SearchDocument, SearchTerm
from tests.factories import FilmFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans of the PostgreSQL backend; SQLite's FTS5 tables are their own index",
    ),
]

# Enough documents that an early-stopping read of the whole table looks
# cheap to the planner, as it did at 100,000 articles.
ROWS = 20000
# The vocabulary of the 100,000-article benchmark (56,000 words): large enough
# for the planner to pick the trigram index unprompted.
VOCABULARY = 60000


def made_up_words(count, seed=3):
    rng = random.Random(seed)
    found = set()
    while len(found) < count:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def plan(sql, params) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def settle(table, gin_index):
    """What autovacuum does to a table after a bulk load, inside the test's transaction.

    Rows added after a GIN index was built wait in its pending list, which
    every search reads whole; the planner prices it so, and VACUUM (not
    allowed in a transaction) would merge it into the index.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [gin_index])
        cursor.execute(f"ANALYZE {table}")


@pytest.fixture
def documents(db):
    film = FilmFactory()
    words = made_up_words(ROWS)
    SearchDocument.objects.bulk_create(
        SearchDocument(
            kind=SearchDocument.Kind.ARTICLE,
            film=film,
            go_live_at=timezone.now() - timedelta(days=1),
            revision_number=1,
            title_key=f"is {word} a true story",
            body_key="a film about a family and a journey",
        )
        for word in words
    )
    postgres.PostgresBackend().rebuild()
    settle(SearchDocument._meta.db_table, "search_document_vector")
    return words


@pytest.fixture
def vocabulary(db):
    words = made_up_words(VOCABULARY, seed=5)
    SearchTerm.objects.bulk_create(SearchTerm(word=word) for word in words)
    settle(SearchTerm._meta.db_table, "search_term_trigram")
    return words


def test_the_search_and_the_any_match_check_use_the_vector_index(documents):
    # One test for both: the documents take seconds to build.
    now = timezone.now()
    found = plan(postgres.MATCH_SQL, [postgres._query([documents[7]]), now, now, 1001])
    assert "search_document_vector" in found, found
    assert "Seq Scan" not in found, found
    # Asked of a probable typo: a word no page has.
    found = plan(postgres.HAS_MATCH_SQL, [postgres._query([documents[7] + "qx"])])
    assert "search_document_vector" in found, found
    assert "Seq Scan" not in found, found


def test_the_typo_lookup_uses_the_trigram_index(vocabulary):
    typo = vocabulary[11][:-1] + "x"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(postgres.SET_THRESHOLD_SQL, [str(postgres.SIMILARITY_THRESHOLD)])
        found = plan(postgres.SIMILAR_WORDS_SQL, [typo, postgres.CANDIDATES, typo, 40])
    assert "search_term_trigram" in found, found
    assert "Seq Scan" not in found, found


@pytest.mark.django_db(transaction=True)  # as in a request: no transaction around it
def test_the_raised_threshold_ends_with_the_lookup():
    SearchTerm.objects.bulk_create(SearchTerm(word=word) for word in ["miracle", "lantern"])
    backend = postgres.PostgresBackend()
    assert backend.similar_words("mirakle", limit=40) == ["miracle"]
    with connection.cursor() as cursor:
        cursor.execute("SHOW pg_trgm.similarity_threshold")
        assert float(cursor.fetchone()[0]) == pytest.approx(0.3)
