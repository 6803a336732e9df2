"""What readers see of each article now: its live revision and public dates.

One row per article that has ever been approved, kept by ``articles.workflow``
(the only writer) whenever a revision is approved, goes live on schedule, is
restored, or the article is unpublished. Public pages, feeds, sitemaps and
search read these indexed columns, so finding the live revision costs the same
at 100,000 articles as at 100.

The rule itself is ``live_state`` below, written once: the workflow applies it
to one article's revisions and stores the answer here.
"""

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, models
from django.db.models import F, OuterRef, Q, Subquery

from films.models import Author, Film

from .revisions import Revision
from .working_copy import Article


@dataclass(frozen=True)
class LiveState:
    """What ``live_state`` decides for one article at one moment."""

    revision_id: int | None
    published_at: datetime | None
    updated_at: datetime | None
    next_go_live_at: datetime | None


def live_state(revisions, *, unpublished_at: datetime | None, now: datetime) -> LiveState:
    """The live revision, public dates and next go-live of one article at ``now``.

    ``revisions`` are the article's *approved* revisions, as objects with
    ``pk``, ``number``, ``go_live_at`` and ``is_minor``.

    - Live: the highest-numbered approved revision whose go-live has passed,
      unless the article was unpublished after it went live (an approval or a
      restore after the unpublish brings the article back). "Newest" is the
      highest number, not the latest go-live: a revision approved now is not
      displaced when an older one's schedule comes round.
    - Published: the first go-live of any revision readers saw (kept while
      the article is unpublished, for the admin).
    - Updated: the go-live of the newest revision readers saw that is not
      marked minor, so a typo fix never looks like news.
    - Next go-live: the earliest approved go-live still ahead.
    """
    gone_live = sorted((r for r in revisions if r.go_live_at <= now), key=lambda r: r.number)
    ahead = [r.go_live_at for r in revisions if r.go_live_at > now]
    next_go_live_at = min(ahead) if ahead else None
    if not gone_live:
        return LiveState(None, None, None, next_go_live_at)
    newest = gone_live[-1]
    published_at = min(r.go_live_at for r in gone_live)
    if unpublished_at is not None and newest.go_live_at <= unpublished_at:
        # Unpublished: nothing is live, but it was first published then.
        return LiveState(None, published_at, None, next_go_live_at)
    major = [r for r in gone_live if not r.is_minor]
    return LiveState(
        revision_id=newest.pk,
        published_at=published_at,
        updated_at=(major[-1] if major else newest).go_live_at,
        next_go_live_at=next_go_live_at,
    )


class PublicationQuerySet(models.QuerySet):
    def live(self):
        """Articles readers can see now (a due schedule is promoted by the workflow)."""
        return self.filter(live_revision__isnull=False)

    def due(self, now: datetime):
        """Articles with a scheduled revision whose go-live has come (indexed)."""
        return self.filter(next_go_live_at__lte=now)

    def newest_first(self):
        return self.order_by("-published_at", "-article_id")

    def recently_updated(self):
        """Live articles updated after their first publication, latest update first."""
        return self.filter(updated_at__gt=F("published_at")).order_by("-updated_at", "-article_id")

    def with_verdicts(self, verdicts):
        """Live articles whose verdict is one of ``verdicts`` (an indexed column)."""
        return self.filter(verdict__in=list(verdicts))

    def with_update_summary(self):
        """Annotate ``update_summary``: what the latest update (not a minor fix) changed.

        It is the change summary of the revision whose go-live is the article's
        "Updated" date, so it says what readers were told changed then; a
        correlated lookup on the (article, go-live) rows, one per listed item.
        """
        latest = Revision.objects.filter(
            article_id=OuterRef("article_id"),
            status=Revision.Status.APPROVED,
            is_minor=False,
            go_live_at=OuterRef("updated_at"),
        ).order_by("-number")
        return self.annotate(update_summary=Subquery(latest.values("change_summary")[:1]))

    def cards(self):
        """Only what a listing or a feed reads: the stored card and the public dates."""
        return self.only(
            "article_id", "live_revision_id", "published_at", "updated_at", "card", "card_version"
        )

    def built_page(self, slug: str):
        """(article id, live revision id, page HTML, page tags, stamp) at ``slug``, or None.

        Every article page starts with this one lookup (the slug index), so it
        is written out in SQL: building it with the ORM costs more than
        running it.
        """
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT article_id, live_revision_id, page_html, page_tags, page_stamp "
                f"FROM {table} WHERE slug = %s AND live_revision_id IS NOT NULL "
                "ORDER BY article_id LIMIT 1",
                [slug],
            )
            row = cursor.fetchone()
        if row is None:
            return None
        article_id, revision_id, html, tags, stamp = row
        return (
            article_id,
            revision_id,
            html,
            json.loads(tags) if isinstance(tags, str) else tags,
            stamp,
        )


class Publication(models.Model):
    article = models.OneToOneField(
        Article, on_delete=models.PROTECT, primary_key=True, related_name="publication"
    )
    live_revision = models.OneToOneField(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        related_name="publication",
        help_text="The revision readers see; empty while none is live (scheduled or unpublished).",
    )
    # Copies of the live revision's columns, so listings are one indexed range.
    slug = models.SlugField(max_length=220, blank=True)
    film = models.ForeignKey(Film, on_delete=models.PROTECT, null=True, related_name="+")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, null=True, related_name="+")
    # The live revision's verdict, so verdict hubs and the home page's verdict
    # sections are one indexed range like the other listings.
    verdict = models.CharField(max_length=10, blank=True, default="")
    published_at = models.DateTimeField(
        null=True, help_text="Readers' “Published” date: the first go-live."
    )
    updated_at = models.DateTimeField(
        null=True,
        help_text="Readers' “Updated” date: the go-live of the newest non-minor revision "
        "they saw (equal to Published until there is one). Not the working copy's last save.",
    )
    next_go_live_at = models.DateTimeField(
        null=True, help_text="When the next scheduled revision of this article goes live."
    )
    # The article page as built from the live revision (see articles.pages):
    # the HTML, the cache tags it shows and their version when it was built.
    page_html = models.TextField(blank=True, editable=False)
    page_tags = models.JSONField(default=list, editable=False)
    page_stamp = models.BigIntegerField(default=0, editable=False)
    # The article's card in listings and its item in feeds, built from the live
    # revision, its dates, film and author (see articles.cards), and the
    # version of the card markup it was built with.
    card = models.JSONField(default=dict, editable=False)
    card_version = models.CharField(max_length=40, blank=True, editable=False)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["slug"], name="publication_slug"),
            models.Index(
                fields=["-published_at", "-article"],
                name="publication_newest",
                condition=Q(live_revision__isnull=False),
            ),
            models.Index(
                fields=["-updated_at", "-article"],
                name="publication_updated",
                condition=Q(updated_at__gt=F("published_at")),
            ),
            models.Index(fields=["film", "-published_at", "-article"], name="publication_film"),
            models.Index(fields=["author", "-published_at", "-article"], name="publication_author"),
            models.Index(
                fields=["verdict", "-published_at", "-article"], name="publication_verdict"
            ),
            models.Index(
                fields=["next_go_live_at"],
                name="publication_next_go_live",
                condition=Q(next_go_live_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"Publication of {self.article_id}"

    @property
    def modified_at(self):
        """The one date every “modified” field states (see ``modified_date``)."""
        return modified_date(self.published_at, self.updated_at)


def modified_date(published_at, updated_at):
    """Readers' “modified” date: the Updated date, or Published until there is one."""
    return updated_at or published_at
