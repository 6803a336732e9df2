"""E-mail to staff, sent through Django's task framework after commit.

Callers inside a workflow transaction use ``notify_after_commit``: nobody is
told about a change that was rolled back, and a slow mail server never holds
a database transaction open. Which backend runs the task is the TASKS
setting: the immediate backend by default (the mail is sent in the same
process once the transaction commits); production can point TASKS at a
queue-backed backend with a worker, without code changes.
"""

from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task

from filmsite.text import strip_control_characters


def one_line(subject: str) -> str:
    """A subject on one line: a title stored with a line break (an import, say)
    would otherwise make the mail library refuse the message (header injection)."""
    return " ".join(strip_control_characters(subject).split())[:250]


@task
def send_notification(*, recipients: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; returns how many messages went out."""
    if not recipients:
        return 0
    return send_mail(subject, body, None, recipients)


def notify_after_commit(*, recipients: Iterable[str], subject: str, body: str) -> None:
    """Queue an e-mail for when the current transaction commits.

    Subjects and bodies are built only from spoiler-free fields by callers.
    """
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return
    subject = one_line(subject)
    transaction.on_commit(
        lambda: send_notification.enqueue(recipients=addresses, subject=subject, body=body)
    )
