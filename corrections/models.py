"""Corrections that readers suggest for a published article.

The reader's message is plain text: it is stored as typed and always
escaped on output, never rendered as HTML or Markdown. No IP address is
kept; the rate limit lives only in the cache (see ratelimit.py). State
changes go through ``corrections.services``.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MinLengthValidator
from django.db import models

from articles.models import Article, Revision

MESSAGE_MIN_LENGTH = 10
MESSAGE_MAX_LENGTH = 2000


class CorrectionQuerySet(models.QuerySet):
    def new(self):
        return self.filter(status=Correction.Status.NEW)


class Correction(models.Model):
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
