"""Rows that support editing, not publishing: who has an article open, what
each save of the working copy contained, and moderators' comments on single
sections and questions. Readers never see any of it."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .revisions import Revision
from .working_copy import Article


class EditingPresenceQuerySet(models.QuerySet):
    def recent(self, *, since):
        return self.filter(seen_at__gte=since)


class EditingPresence(models.Model):
    """Someone has the article's form open (refreshed by the form every few seconds)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    objects = EditingPresenceQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="one_presence_per_editor")
        ]
        indexes = [models.Index(fields=["article", "seen_at"])]

    def __str__(self):
        return f"{self.user} on {self.article}"


class SavedVersion(models.Model):
    """The working copy as one save left it, frozen like a revision (see snapshot.freeze).

    When a save is refused because someone else saved first, the editor is
    shown what that person changed: the difference between the version the
    editor opened and the one now saved. Only the newest few are kept.
    """

    KEEP = 20

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="saved_versions")
    version = models.PositiveIntegerField()
    frozen = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "version"], name="one_saved_version_each")
        ]

    def __str__(self):
        return f"{self.article}, version {self.version}"


class ReviewComment(models.Model):
    """A moderator's comment on one section or question of a revision sent back.

    ``item_id`` is the working-copy row the item was frozen from, so the
    editor sees the comment next to that section or question in the form.
    """

    class Kind(models.TextChoices):
        SECTION = "section", "Section"
        QUESTION = "question", "Question"

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="item_comments")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(help_text="1 for the revision's first item.")
    item_title = models.CharField(max_length=300, help_text="The heading or question, as frozen.")
    item_id = models.PositiveIntegerField(null=True, blank=True)
    body = models.TextField()

    class Meta:
        ordering = ["revision", "kind", "position"]
        indexes = [models.Index(fields=["kind", "item_id"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}: {self.body[:60]}"
