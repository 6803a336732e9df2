"""Proposed changes to reference data: films, authors and the site settings.

Articles point to films and authors and every page shows the site settings,
so a change to them reaches readers on many pages at once. Such a change is
held here, as a frozen snapshot, until a moderator approves it; the rows of
the film, author or settings always hold what readers see. Only
``articles.reference_workflow`` writes to this table.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse


class ReferenceRevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReferenceRevision.Status.PENDING)

    def of(self, kind: str, object_id: int):
        return self.filter(kind=kind, object_id=object_id)

    def not_resubmitted(self):
        """Changes sent back with no newer proposal for the same film, author or settings."""
        newer = ReferenceRevision.objects.filter(
            kind=OuterRef("kind"), object_id=OuterRef("object_id"), pk__gt=OuterRef("pk")
        )
        return self.filter(status=ReferenceRevision.Status.CHANGES_REQUESTED).filter(~Exists(newer))


class ReferenceRevision(models.Model):
    class Kind(models.TextChoices):
        FILM = "film", "film"
        AUTHOR = "author", "author"
        SITE_SETTINGS = "site_settings", "site settings"
        IMAGE = "image", "poster"

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting review"
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        SUPERSEDED = "superseded", "Replaced by a newer change"
        WITHDRAWN = "withdrawn", "Withdrawn (saved back to what readers see)"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    label = models.CharField(
        max_length=300, help_text="What changes, as staff know it, e.g. the film's title."
    )
    snapshot = models.JSONField(help_text="The proposed state, as readers would see it.")
    base = models.JSONField(help_text="What readers saw when the change was proposed.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)

    objects = ReferenceRevisionQuerySet.as_manager()

    class Meta:
        verbose_name = "film, author or site change"
        verbose_name_plural = "film, author and site changes"
        indexes = [
            models.Index(fields=["status", "created_at"], name="reference_queue"),
            models.Index(fields=["kind", "object_id", "-id"], name="reference_history"),
            models.Index(fields=["created_by", "status"], name="reference_by_submitter"),
        ]
        constraints = [
            # Moderators review only the newest proposal for a film, author or the settings.
            models.UniqueConstraint(
                fields=["kind", "object_id"],
                condition=Q(status="pending"),
                name="one_pending_reference_change",
            )
        ]

    def __str__(self):
        return f"Change to the {self.get_kind_display()} “{self.label}”"

    @property
    def admin_url(self) -> str:
        """The admin form of the film, author or settings this change is about."""
        return reverse(ADMIN_FORMS[self.kind], args=[self.object_id])


ADMIN_FORMS = {
    ReferenceRevision.Kind.FILM: "admin:films_film_change",
    ReferenceRevision.Kind.AUTHOR: "admin:films_author_change",
    ReferenceRevision.Kind.SITE_SETTINGS: "admin:articles_sitesettings_change",
    ReferenceRevision.Kind.IMAGE: "admin:images_image_change",
}
