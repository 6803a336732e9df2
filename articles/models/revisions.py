"""Published record: immutable snapshots of an article.

Every public page, feed and listing reads revisions, never the working copy.
Which revision is live is decided at query time (see ``RevisionQuerySet.live``)
so that scheduled publishing needs no cron job. State changes go through
``articles.workflow``; nothing else writes to this table.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from .articles import Article, Verdict
from .films import Author, Film


class RevisionQuerySet(models.QuerySet):
    def gone_live(self, at=None):
        """Approved revisions whose go-live time has passed."""
        return self.filter(status=Revision.Status.APPROVED, go_live_at__lte=at or timezone.now())

    def major(self):
        """Revisions that count as news for readers (not marked minor)."""
        return self.filter(is_minor=False)

    def live(self, at=None):
        """The one revision per article that readers see, with its public dates.

        ``published_at`` is the first go-live; ``updated_at`` is the go-live of
        the newest non-minor revision, so a typo fix never looks like news.
        An unpublished article has no live revision until one goes live after
        it was unpublished (an approval or a restore).
        """
        at = at or timezone.now()
        same_article = Revision.objects.gone_live(at).filter(article=OuterRef("article"))
        # "Newest" is the highest revision number, not the latest go-live: a
        # revision approved now must not be displaced when an older one's
        # schedule comes round (workflow.approve also supersedes those).
        newest = same_article.order_by("-number").values("pk")[:1]
        first = same_article.order_by("go_live_at", "number").values("go_live_at")[:1]
        major = same_article.major().order_by("-number").values("go_live_at")[:1]
        return (
            self.gone_live(at)
            .filter(pk=Subquery(newest))
            .filter(
                Q(article__unpublished_at__isnull=True)
                | Q(article__unpublished_at__lt=F("go_live_at"))
            )
            .annotate(published_at=Subquery(first), updated_at=Subquery(major))
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

    def pending(self):
        return self.filter(status=Revision.Status.PENDING)

    def newest_first(self):
        return self.order_by("-updated_at", "-pk")


class Revision(models.Model):
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
    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="revisions")
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
        indexes = [models.Index(fields=["article", "status", "go_live_at"])]

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
    def hero(self):
        """The frozen hero image (picture data for images.markup), or None."""
        return self.content.get("hero")

    @property
    def image(self):
        """For og:image and JSON-LD: the hero image, else the film's poster, else None.

        An images.social.SocialImage (absolute url, width, height, alt, mime_type).
        Never an image from a section: those may be spoilers.
        """
        from images.social import social_image

        return social_image(self.hero) or self.film.image

    @property
    def update_history(self):
        """This revision's update history, newest first (see RevisionQuerySet.update_history)."""
        return Revision.objects.update_history(self)

    @property
    def has_later_update(self):
        """True when a non-minor revision went live after the first one."""
        published = getattr(self, "published_at", None)
        updated = getattr(self, "updated_at", None)
        return bool(published and updated and updated > published)

    @property
    def modified_at(self):
        """The one date every “modified” field states (byline, feeds, sitemap)."""
        return getattr(self, "updated_at", None) or getattr(self, "published_at", None)


class Submission(Revision):
    """Revisions seen from the review queue: the admin lists the pending ones."""

    class Meta:
        proxy = True
        verbose_name = "submission awaiting review"
        verbose_name_plural = "review queue"
