"""The workflow's rules checked against what is stored, for bulk loads and the tests.

``check_invariants`` reads every revision and publication row once (in
chunks) and reports each article whose revision numbers, review queue,
go-live order, first publication or stored publication state break the
rules the actions keep. It changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from articles.models import Article, Publication, Revision
from articles.models.publication import live_state

from .common import Status


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
