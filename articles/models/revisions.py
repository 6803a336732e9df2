"""Published record: immutable snapshots of an article.

Every public page, feed and listing reads revisions, never the working copy.
Which revision is live is kept by ``articles.workflow`` in the publication
state (publication.py), read through ``RevisionQuerySet.live``. State changes
go through ``articles.workflow``; nothing else writes to this table.
"""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from filmsite.text import RefusesControlCharacters

from .working_copy import Article, Verdict


class RevisionQuerySet(models.QuerySet):
    """The publication states of revisions, each rule written once.

    - ``pending``: submitted, waiting for a moderator;
    - ``scheduled``: approved, with its go-live still ahead;
    - ``gone_live``: approved, with its go-live passed (readers saw it, or
      see it now);
    - ``live``: the one revision per article readers see now, read from the
      publication state the workflow keeps (``Publication``), with the public
      dates as ``published_at`` and ``updated_at``.
    """

    def pending(self):
        return self.filter(status=Revision.Status.PENDING)

    def scheduled(self, at=None):
        """Approved revisions whose go-live is still ahead."""
        return self.filter(status=Revision.Status.APPROVED, go_live_at__gt=at or timezone.now())

    def gone_live(self, at=None):
        """Approved revisions whose go-live time has passed."""
        return self.filter(status=Revision.Status.APPROVED, go_live_at__lte=at or timezone.now())

    def major(self):
        """Revisions that count as news for readers (not marked minor)."""
        return self.filter(is_minor=False)

    def live(self):
        """The one revision per article that readers see, with its public dates.

        One indexed join with the publication state, whatever the number of
        articles or revisions. ``published_at`` is the first go-live;
        ``updated_at`` is the go-live of the newest non-minor revision, so a
        typo fix never looks like news (the rule: ``publication.live_state``).
        A scheduled revision counts once ``workflow.promote_due`` has run after
        its time, which the first request after it does (articles.middleware).
        """
        return self.filter(publication__isnull=False).annotate(
            published_at=F("publication__published_at"),
            updated_at=F("publication__updated_at"),
        )

    def newest_first(self):
        """Live revisions by first publication, newest first (the listings' order)."""
        return self.order_by("-publication__published_at", "-publication__article_id")

    def recently_updated(self):
        """Live revisions updated after their first publication, latest update first."""
        return self.filter(publication__updated_at__gt=F("publication__published_at")).order_by(
            "-publication__updated_at", "-publication__article_id"
        )

    def update_history(self, revision: "Revision"):
        """What the article page lists under "Update history" for ``revision``.

        Every non-minor revision of the article that went live up to and
        including ``revision``, newest first; the oldest is the first
        publication. One query, whatever the length of the history.
        """
        return (
            self.filter(article_id=revision.article_id, number__lte=revision.number)
            .gone_live(revision.go_live_at)
            .major()
            .order_by("-go_live_at", "-number")
            .only("pk", "number", "go_live_at", "change_summary")
        )


class Revision(RefusesControlCharacters, models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting review"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        SUPERSEDED = "superseded", "Replaced by a newer submission"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the article's first revision, and so on.")
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)

    # Spoiler-free fields are columns: listings, feeds and lookups use them.
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, db_index=True, unique=False)
    standfirst = models.TextField()
    meta_description = models.CharField(max_length=160)
    film = models.ForeignKey("films.Film", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey("films.Author", on_delete=models.PROTECT, related_name="revisions")
    # The rest of the page, rendered and sanitized when frozen (see snapshot.py).
    content = models.JSONField()

    change_summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="What changed, in words a reader would understand. Readers see it in the "
        "article's update history, so keep it spoiler-free.",
    )
    is_minor = models.BooleanField(
        "minor change",
        default=False,
        help_text="Typo fixes and the like: they go live without changing the “Updated” date.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    go_live_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="When readers first see this revision."
    )
    restored_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The earlier revision whose content this one made live again.",
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="one_number_per_revision"),
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(go_live_at__isnull=False),
                name="approved_revision_has_go_live",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "status", "go_live_at"]),
            # The review queue, oldest submission first.
            models.Index(fields=["status", "created_at", "id"], name="revision_queue"),
        ]

    def __str__(self):
        return f"{self.title} — revision {self.number}"

    def get_absolute_url(self):
        return reverse("articles:article", kwargs={"slug": self.slug})

    @property
    def sections(self):
        return self.content.get("sections", [])

    @property
    def questions(self):
        return self.content.get("questions", [])

    @property
    def verdict(self):
        return self.content.get("verdict", "")

    @property
    def verdict_label(self):
        return Verdict(self.verdict).label if self.verdict in Verdict.values else ""

    @property
    def reading_minutes(self):
        """Minutes to read, counted at freeze time (None for older revisions)."""
        return self.content.get("reading_minutes")

    @property
    def hero(self):
        """The frozen hero image (picture data for images.markup), or None."""
        return self.content.get("hero")

    @property
    def update_history(self):
        """This revision's update history, newest first (see RevisionQuerySet.update_history)."""
        return Revision.objects.update_history(self)

    @property
    def has_later_update(self):
        """True when a non-minor revision went live after the first one."""
        published, updated = self.public_dates
        return bool(published and updated and updated > published)

    @property
    def modified_at(self):
        """The one date every “modified” field states (byline, feeds, sitemap)."""
        from .publication import modified_date

        return modified_date(*self.public_dates)

    @property
    def public_dates(self):
        """(Published, Updated) as readers see them, or (None, None) if this is not live.

        From ``live()``'s annotations when the revision was loaded through it,
        else from the stored publication state: a live revision fetched any
        other way still tells its true dates.
        """
        if hasattr(self, "published_at"):
            return self.published_at, self.updated_at
        publication = getattr(self, "publication", None)
        if publication is None:
            return None, None
        return publication.published_at, publication.updated_at


class Submission(Revision):
    """Revisions seen from the review queue: the admin lists the pending ones."""

    class Meta:
        proxy = True
        verbose_name = "submission awaiting review"
        verbose_name_plural = "review queue"
