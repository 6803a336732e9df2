"""The search index, as rows both databases understand.

One ``SearchDocument`` per searchable page: an article's revision that is
live (or approved and scheduled), or a film. Each holds only spoiler-free
text, twice: as written (for excerpts) and folded (see text.py) for the
backend's index. The index proper is backend-specific and lives beside
these rows: an FTS5 table on SQLite, a weighted ``tsvector`` with a GIN
index on PostgreSQL (see backends/). Only search/index.py writes here, when
articles/workflow/ tells it that something readers see has changed.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        FILM = "film", "Film"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, null=True, related_name="+"
    )
    revision = models.OneToOneField(
        "articles.Revision", on_delete=models.CASCADE, null=True, related_name="+"
    )
    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="+")
    # For articles: when the revision goes (or went) live; results keep only
    # each article's live revision (see search.engine.live_only).
    go_live_at = models.DateTimeField(null=True)

    # As written: what excerpts are cut from.
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Folded (search.text.key): what the backends index. Titles and names
    # rank above the summary, the summary above the body.
    title_key = models.TextField()
    names_key = models.TextField(blank=True)
    summary_key = models.TextField(blank=True)
    body_key = models.TextField(blank=True)
    # The film's title and original title, folded, one per line: a query that
    # is exactly one of them puts the film's explainer first.
    film_titles_key = models.TextField(blank=True)
    # PostgreSQL only (GIN-indexed there); stays empty on SQLite.
    vector = SearchVectorField(null=True)

    # What a result shows, copied here when the page is indexed so that a
    # results page is one search query and string work, with no join to
    # revisions or films. All of it is spoiler-free (no section or answer).
    title = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    film_label = models.CharField(max_length=300, blank=True)  # "Title (year)"
    film_url = models.CharField(max_length=300, blank=True)
    verdict_label = models.CharField(max_length=100, blank=True)
    # Readers' "Updated" date, as it is (or will be, for a scheduled
    # revision) once this revision is live; empty for a film.
    updated_at = models.DateTimeField(null=True)
    # Of an article's documents that are due, results keep the highest
    # number: the live revision (the rule of articles.models.live_state).
    revision_number = models.PositiveIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["go_live_at"]),
            # Is there a newer due document of the same article? (see
            # search.backends.SUPERSEDED), asked of each matching article.
            models.Index(fields=["article", "revision_number"], name="search_doc_article_number"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["film"], condition=models.Q(kind="film"), name="one_document_per_film"
            ),
        ]

    def __str__(self):
        return self.title_key


class SearchTerm(models.Model):
    """A word from a title or a name, for correcting a reader's typo.

    Kept small on purpose (no body text): readers misspell names and titles.
    Never pruned between rebuilds; a stale word only proposes a correction
    that finds nothing, and then the correction is not used.
    """

    word = models.CharField(max_length=40, unique=True)

    def __str__(self):
        return self.word
