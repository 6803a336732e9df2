"""The audit trail: who did what, when, from where. Rows are only ever added.

Workflow actions are recorded by articles.workflow inside the same
transaction as the change itself; permission changes by the user and group
admin; sign-ins and failed sign-ins by the auth signals (staff/apps.py).
Superusers read the trail in the admin; nobody can edit or delete it there.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEvent(models.Model):
    class Kind(models.TextChoices):
        WORKFLOW = "workflow", "Workflow"
        PERMISSIONS = "permissions", "Permissions"
        SIGN_IN = "sign-in", "Sign-in"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as written, so the trail still names an account deleted later.
    actor_name = models.CharField("who", max_length=150, blank=True)
    action = models.CharField(max_length=100)
    target = models.CharField("what", max_length=300, blank=True)
    detail = models.TextField(blank=True)
    address = models.GenericIPAddressField("from", null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["actor", "kind", "-at"], name="audit_actor_kind_at")]

    def __str__(self):
        return f"{self.actor_name or 'someone'} {self.action} {self.target}".strip()
