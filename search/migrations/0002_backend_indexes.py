"""The index proper, which each database keeps its own way (see search/backends/).

SQLite: FTS5 tables over the folded columns (external content: they store
only the index). PostgreSQL: pg_trgm, a GIN index on the weighted vector and
a trigram GIN index on the vocabulary.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title_key, names_key, summary_key, body_key,
        content='search_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 0', prefix='2 3')""",
    # Rank by BM25 with titles 10, names 8, summary 2, body 1.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 8.0, 2.0, 1.0)')",
    """CREATE VIRTUAL TABLE search_term_trigrams USING fts5(
        word, content='search_searchterm', content_rowid='id', tokenize='trigram')""",
]
SQLITE_REVERSE = ["DROP TABLE search_term_trigrams", "DROP TABLE search_fts"]
POSTGRES = [
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
    "CREATE INDEX search_term_trigram ON search_searchterm USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = ["DROP INDEX search_term_trigram", "DROP INDEX search_document_vector"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        TrigramExtension(),  # does nothing on SQLite
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
