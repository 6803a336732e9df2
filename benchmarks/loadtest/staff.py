"""Editors and moderators at work during the drill, and what they expect readers to see.

One thread edits an article's standfirst with a unique marker, submits it
and has a moderator approve it (now, or a few seconds ahead), and now and
then restores an earlier revision; it runs in this process through the
workflow, as a third instance would, against the same PostgreSQL and Redis.
After each approval both gunicorn instances must show the marker at once
(after the go-live time for a scheduled one): a page without it is a stale
page. A step that fails because PostgreSQL is restarting is tried again
with the same input until it goes through, so no change is dropped.
"""

import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from .traffic import get

RETRY_FOR = 60  # seconds a step keeps trying through an outage


@dataclass
class Approval:
    article_id: int
    revision_id: int
    marker: str
    scheduled: bool = False
    restored: bool = False


@dataclass
class Staffing:
    approvals: list = field(default_factory=list)
    stale: list = field(default_factory=list)  # (phase, what, instance, path)
    retries: int = 0
    failures: list = field(default_factory=list)
    expected_live: dict = field(default_factory=dict)  # article id -> marker
    saved: dict = field(default_factory=dict)  # article id -> marker the editor saved


def retried(step, staffing: Staffing):
    """Run ``step`` until it goes through (a database restart), for at most RETRY_FOR s."""
    from django.db import connection
    from django.db.utils import InterfaceError, OperationalError

    deadline = time.monotonic() + RETRY_FOR
    while True:
        try:
            return step()
        except (OperationalError, InterfaceError):
            connection.close()  # a new connection on the next try
            staffing.retries += 1
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


class Desk:
    def __init__(self, recorder, instances: dict, article_ids: list, editor, moderator):
        self.recorder, self.instances = recorder, instances
        self.article_ids = article_ids
        self.editor, self.moderator = editor, moderator
        self.staffing = Staffing()
        self.stopping = threading.Event()
        self.thread = None

    # One round: edit, submit, approve or schedule, check; sometimes restore.
    def _round(self, number: int) -> None:
        from django.utils import timezone

        from articles import workflow
        from articles.models import Article, Revision

        article_id = self.article_ids[number % len(self.article_ids)]
        marker = f"Drill change {number} {uuid.uuid4().hex[:8]}"

        def save():
            article = Article.objects.get(pk=article_id)
            article.standfirst = f"{marker}. What the film changed, and why."
            article.save()

        retried(save, self.staffing)
        self.staffing.saved[article_id] = marker
        revision_id = retried(
            lambda: (
                workflow.submit(
                    article=Article.objects.get(pk=article_id),
                    user=self.editor,
                    change_summary=f"Drill round {number}",
                ).revision.pk
            ),
            self.staffing,
        )
        scheduled = number % 4 == 3
        go_live_at = timezone.now() + timedelta(seconds=2) if scheduled else None

        def approve():
            revision = Revision.objects.get(pk=revision_id)
            if revision.status == Revision.Status.APPROVED:  # went through before the error
                return
            workflow.approve(revision=revision, user=self.moderator, go_live_at=go_live_at)

        retried(approve, self.staffing)
        self._approved(Approval(article_id, revision_id, marker, scheduled=scheduled))
        if scheduled:
            time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.05)
        self._check_visible(article_id, marker, "scheduled go-live" if scheduled else "approval")
        if number % 5 == 4:
            self._restore(article_id)

    def _restore(self, article_id: int) -> None:
        from django.utils import timezone

        from articles import workflow
        from articles.models import Revision

        earlier = [a for a in self.staffing.approvals if a.article_id == article_id]
        if len(earlier) < 2:
            return
        target = earlier[-2]

        def restore():
            revision = Revision.objects.get(pk=target.revision_id)
            if revision.go_live_at > timezone.now():
                return None
            return workflow.restore(
                revision=revision, user=self.moderator, change_summary="Drill restore"
            ).pk

        new_id = retried(restore, self.staffing)
        if new_id is not None:
            self._approved(Approval(article_id, new_id, target.marker, restored=True))
            self._check_visible(article_id, target.marker, "restore")

    def _approved(self, approval: Approval) -> None:
        self.staffing.approvals.append(approval)
        self.staffing.expected_live[approval.article_id] = approval.marker

    def _check_visible(self, article_id: int, marker: str, what: str) -> None:
        """Both instances, at once, in turn: the marker is on the article page."""
        path = self.article_path(article_id)
        for name, port in self.instances.items():
            deadline = time.monotonic() + RETRY_FOR
            while True:
                status, body = get(port, path)
                if status == 200:
                    if marker.encode() not in body:
                        self.staffing.stale.append((self.recorder.phase, what, name, path))
                    break
                # Not a page yet (an outage answer): ask again, it is not stale.
                if time.monotonic() > deadline:
                    self.staffing.failures.append(f"{what}: {name} answered {status} on {path}")
                    break
                time.sleep(0.3)

    def article_path(self, article_id: int) -> str:
        from articles.models import Publication

        slug = retried(lambda: Publication.objects.get(article_id=article_id).slug, self.staffing)
        return f"/articles/{slug}/"

    def _work(self) -> None:
        number = 0
        while not self.stopping.is_set():
            try:
                self._round(number)
            except Exception as error:  # reported, never silently lost
                self.staffing.failures.append(f"round {number}: {type(error).__name__}: {error}")
            number += 1
            time.sleep(0.2)

    def start(self) -> None:
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self.thread:
            self.thread.join(RETRY_FOR + 10)
