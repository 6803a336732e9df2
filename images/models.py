"""Uploaded pictures: one row per distinct upload, with its renditions.

The files are written once, under names made from a hash of the upload, and
never change: that is what lets media be cached for a year. Rows are not
deleted by editors, because published revisions keep pointing at the files.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from filmsite.text import RefusesControlCharacters


class ImageQuerySet(models.QuerySet):
    def described(self):
        """Images fit to stand alone (posters, hero images): alt text or marked decorative."""
        return self.filter(models.Q(is_decorative=True) | ~models.Q(alt_text=""))


class Image(RefusesControlCharacters, models.Model):
    key = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(
        "master file", max_length=200, editable=False, help_text="The cleaned full-size copy."
    )
    width = models.PositiveIntegerField(editable=False)
    height = models.PositiveIntegerField(editable=False)
    has_alpha = models.BooleanField("transparent", default=False, editable=False)
    source_format = models.CharField("uploaded as", max_length=10, editable=False)
    # [{"width": 320, "height": 180, "format": "webp", "name": "images/<key>/320w.webp"}, …]
    renditions = models.JSONField(default=list, editable=False)

    alt_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="What the picture shows, for people who cannot see it, in a sentence "
        "(“Memo and Ova laughing in the prison yard”). Do not start with “Image of”. "
        "If it is a poster or hero image, never describe a spoiler.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick only if the picture adds nothing a reader would miss; it then gets "
        "an empty alt text and screen readers skip it.",
    )
    caption = models.CharField(
        max_length=300, blank=True, help_text="Optional, shown under the picture."
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, e.g. “Photo: Netflix”. Shown after the caption.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Cached pages that print this picture (a film's facts box) follow it.
    updated_at = models.DateTimeField(auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(is_decorative=True) & ~models.Q(alt_text="")),
                name="decorative_image_has_no_alt_text",
                violation_error_message="A decorative image has no alt text: clear one of them.",
            )
        ]

    def __str__(self):
        if self.is_decorative:
            label = "Decorative image"
        else:
            label = self.alt_text or self.caption or "Image (no alt text yet)"
        return f"{label[:80]} ({self.width} × {self.height})"

    @property
    def alt(self) -> str:
        """The alt attribute to print: empty for decorative images."""
        return "" if self.is_decorative else self.alt_text

    @property
    def is_described(self) -> bool:
        return self.is_decorative or bool(self.alt_text.strip())

    def picture_data(self, *, alt=None, caption=None, credit=None) -> dict:
        """Everything needed to print this image, as plain data a revision can freeze."""
        return {
            "key": self.key,
            "width": self.width,
            "height": self.height,
            "alt": self.alt if alt is None else alt,
            "caption": self.caption if caption is None else caption,
            "credit": self.credit if credit is None else credit,
            "renditions": list(self.renditions),
        }
