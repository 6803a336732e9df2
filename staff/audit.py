"""Writing to the audit trail (staff.models.AuditEvent)."""

import ipaddress

from django.contrib.auth.models import AbstractBaseUser

from filmsite.client_address import client_address

from .models import AuditEvent


def _address(request) -> str | None:
    if request is None:
        return None
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def record(
    *,
    kind: str,
    action: str,
    actor: AbstractBaseUser | None = None,
    actor_name: str = "",
    target: str = "",
    detail: str = "",
    request=None,
) -> AuditEvent:
    """Add one event; call it inside the transaction of the change it records."""
    return AuditEvent.objects.create(
        kind=kind,
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=(actor.get_username() if actor is not None else actor_name)[:150],
        target=target[:300],
        detail=detail,
        address=_address(request),
    )


def workflow_action(*, user, action: str, revision=None, article=None, detail: str = "") -> None:
    article = article or revision.article
    target = f"article {article.pk} “{article.title}”"
    if revision is not None:
        target += f", revision {revision.number}"
    record(kind=AuditEvent.Kind.WORKFLOW, action=action, actor=user, target=target, detail=detail)


def previous_sign_in(user) -> AuditEvent | None:
    """The user's sign-in before the current one, if any."""
    events = AuditEvent.objects.filter(
        kind=AuditEvent.Kind.SIGN_IN, action="signed in", actor=user
    ).order_by("-at", "-pk")
    earlier = list(events[1:2])
    return earlier[0] if earlier else None
