"""Corrections that readers suggest for a published article.

The reader's message is plain text: it is stored as typed and always
escaped on output, never rendered as HTML or Markdown, and never shown
publicly: what readers see of an accepted correction is the moderator's
``public_note``. No IP address is kept; the rate limit counts a keyed hash
of it (see ratelimit.py). State changes go through ``corrections.services``.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models

from articles.models import Article, Revision
from filmsite.text import RefusesControlCharacters

MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 2000
EMAIL_MAX_LENGTH = 254  # the longest address SMTP allows, and EmailField's default
PUBLIC_NOTE_MAX_LENGTH = 300


class CorrectionQuerySet(models.QuerySet):
    def new(self):
        return self.filter(status=Correction.Status.NEW)

    def shown_on(self, article_id):
        """What the article page lists under "Corrections": accepted corrections
        with a moderator's public note, oldest first (the reader's message is
        never shown)."""
        return (
            self.filter(article_id=article_id, status=Correction.Status.ACCEPTED)
            .exclude(public_note="")
            .order_by("handled_at", "pk")
            .only("public_note", "handled_at")
        )


class Correction(RefusesControlCharacters, models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="corrections")
    reported_revision = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="reported on",
        help_text="The revision the reader was looking at.",
    )
    message = models.TextField(
        max_length=MESSAGE_MAX_LENGTH,
        validators=[
            MinLengthValidator(MESSAGE_MIN_LENGTH),
            MaxLengthValidator(MESSAGE_MAX_LENGTH),
        ],
        help_text="As the reader typed it: plain text, never rendered as HTML.",
    )
    email = models.EmailField(
        "reader's e-mail", blank=True, help_text="Optional; only for replying to the reader."
    )
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    fixed_in = models.ForeignKey(
        Revision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fixed_corrections",
        help_text="The revision that fixed it.",
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    public_note = models.CharField(
        max_length=PUBLIC_NOTE_MAX_LENGTH,
        blank=True,
        help_text="Shown on the article under “Corrections” when accepted: what was "
        "corrected, in plain text and without spoilers. Leave empty to list nothing.",
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_correction", "Can accept or dismiss reader corrections")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fixed_in__isnull=True) | models.Q(status="accepted"),
                name="only_accepted_corrections_are_fixed",
            ),
        ]

    def __str__(self):
        return f"Correction to “{self.article}” ({self.get_status_display().lower()})"


class SubmissionCount(models.Model):
    """How many corrections one client sent in one rate-limit window.

    Kept in the database so every worker and instance counts together
    without Redis (see corrections/ratelimit.py). ``client`` is a keyed hash
    of the address, never the address; rows of past windows are deleted.
    """

    client = models.CharField(max_length=64)
    window = models.BigIntegerField(help_text="The fixed window's number since the epoch.")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["client", "window"], name="one_count_per_window"),
        ]
        indexes = [models.Index(fields=["window"], name="submission_count_window")]

    def __str__(self):
        return f"{self.count} in window {self.window}"
