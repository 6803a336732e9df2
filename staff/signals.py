"""Sign-ins and failed sign-ins go to the audit trail.

Receivers only record; they decide nothing. Connected in StaffConfig.ready.
"""

from django.contrib.auth import get_user_model

from . import audit
from .models import AuditEvent


def signed_in(sender, request, user, **kwargs):
    audit.record(kind=AuditEvent.Kind.SIGN_IN, action="signed in", actor=user, request=request)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).first()
    audit.record(
        kind=AuditEvent.Kind.SIGN_IN,
        action="sign-in failed",
        actor=user,
        actor_name=username,
        target=f"account “{username}”" + ("" if user else " (no such account)"),
        request=request,
    )
