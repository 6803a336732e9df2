"""The working copy: what editors change in the admin. Readers never see it;
they read the frozen revisions in revisions.py."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from markdownx.models import MarkdownxField

from filmsite.text import RefusesControlCharacters


class Verdict(models.TextChoices):
    YES = "yes", "Yes, it is a true story"
    PARTLY = "partly", "Partly true"
    INSPIRED = "inspired", "Inspired by real events"
    NO = "no", "No, it is fiction"


class ArticleQuerySet(models.QuerySet):
    # Publication states of articles, read from the state the workflow keeps
    # (see publication.py); each rule is written here once.

    def published(self):
        """Articles that readers can see now (they have a live revision)."""
        return self.filter(publication__live_revision__isnull=False)

    def scheduled(self, at=None):
        """Articles with an approved revision whose go-live is still ahead."""
        return self.filter(publication__next_go_live_at__gt=at or timezone.now())

    def unpublished(self):
        """Articles a moderator took off the site, and nothing has brought back."""
        return self.filter(unpublished_at__isnull=False, publication__live_revision__isnull=True)

    def never_published(self, at=None):
        """Articles readers have never seen, and none scheduled either."""
        return (
            self.exclude(publication__live_revision__isnull=False)
            .filter(unpublished_at__isnull=True)
            .exclude(publication__next_go_live_at__gt=at or timezone.now())
        )

    def awaiting_review(self):
        """Articles with a submission waiting for a moderator."""
        # At most one per article: submitting again supersedes the older one.
        return self.filter(revisions__status="pending")

    def claim_edit(self, *, pk: int, version: int, user) -> bool:
        """Record a save of the working copy, only if nobody saved since ``version``.

        Optimistic locking for the admin: the conditional UPDATE is atomic, so
        of two people who opened the same version, exactly one wins. Call it
        inside the transaction that saves the working copy.
        """
        return bool(
            self.filter(pk=pk, version=version).update(
                version=F("version") + 1, last_edited_by=user, updated_at=timezone.now()
            )
        )


class Article(RefusesControlCharacters, models.Model):
    title = models.CharField(
        max_length=200,
        help_text="Phrase it as the reader's question, e.g. “Is Miracle in Cell No. 7 a "
        "true story? Plot and Ending Explained”. Never put a spoiler in the title.",
    )
    slug = models.SlugField(
        max_length=220,
        unique=True,
        help_text="The article's address. Changing it after publishing moves the page; "
        "old addresses redirect.",
    )
    film = models.ForeignKey("films.Film", on_delete=models.PROTECT, related_name="articles")
    author = models.ForeignKey("films.Author", on_delete=models.PROTECT, related_name="articles")
    standfirst = models.TextField(
        max_length=600,
        help_text="The answer up front, in one short paragraph. Spoiler-free: it is also "
        "used in listings and feeds.",
    )
    meta_description = models.CharField(
        max_length=160,
        help_text="What search engines and social cards show (160 characters at most). "
        "Spoiler-free.",
    )
    verdict = models.CharField(
        max_length=10,
        choices=Verdict.choices,
        help_text="Is the film a true story?",
    )
    verdict_explanation = models.TextField(
        help_text="Why, in two or three spoiler-free sentences (Markdown allowed)."
    )
    hero_image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Shown at the top of the article, in listings and on social cards, so it "
        "must give nothing away. Use the + to upload one; it needs alt text. Pictures inside "
        "sections go in the section's text (drag the file into the editor).",
    )
    disclaimer = MarkdownxField(
        blank=True,
        help_text="Leave empty to use the site-wide disclaimer. Fill in only when this "
        "article needs its own.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking of the working copy (see ArticleQuerySet.claim_edit).
    version = models.PositiveIntegerField(default=1, editable=False)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Unpublishing hides every revision that went live up to this moment (see
    # RevisionQuerySet.live); a revision approved later brings the article back.
    unpublished_at = models.DateTimeField(null=True, blank=True, editable=False)
    unpublished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        # The admin's change list, newest edits first: one index range per page.
        indexes = [models.Index(fields=["-updated_at", "-id"], name="article_last_edited")]
        permissions = [
            ("submit_article", "Can submit articles for review"),
            ("publish_article", "Can review, approve and schedule articles"),
            ("unpublish_article", "Can unpublish articles and restore earlier revisions"),
        ]

    def __str__(self):
        return self.title


class Section(RefusesControlCharacters, models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200, help_text="Spoiler-free, e.g. “Ending Explained”.")
    body = MarkdownxField(help_text="Markdown. The preview shows exactly what readers will get.")
    is_spoiler = models.BooleanField(
        "spoiler",
        default=False,
        help_text="Tick if this section gives away plot twists or the ending. Readers see it "
        "collapsed behind a warning, and it never appears in listings, feeds or search.",
    )
    spoiler_warning = models.CharField(
        max_length=100,
        blank=True,
        help_text="What the section gives away, e.g. “reveals the ending”. Shown on the "
        "warning; leave empty for “contains spoilers”.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "order", default=0, help_text="Sections are shown from the lowest number up."
    )

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.heading
