"""The review workflow after publication: unpublish, restore, notifications,
and the update history readers see."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Revision
from articles.workflow import WorkflowError
from tests.factories import (
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
    submit,
)
from tests.helpers import edit, live, page_status

pytestmark = pytest.mark.django_db

Status = Revision.Status


# Unpublishing and restoring ---------------------------------------------------------


def test_unpublish_takes_the_article_off_the_site(client, published_article):
    article = published_article
    workflow.unpublish(article=article, user=ModeratorFactory())
    assert live(article) is None
    assert article not in Article.objects.published()
    assert page_status(client, article.slug) == 410
    assert Revision.objects.filter(article=article).count() == 1  # nothing deleted
    with pytest.raises(WorkflowError):
        workflow.unpublish(article=article, user=ModeratorFactory())


def test_unpublish_cancels_scheduled_revisions(client, published_article):
    article = published_article
    edit(article, "Scheduled.")
    go_live = timezone.now() + timedelta(hours=1)
    scheduled = publish(article, go_live_at=go_live)
    workflow.unpublish(article=article, user=ModeratorFactory())
    scheduled.refresh_from_db()
    assert scheduled.status == Status.SUPERSEDED
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(hours=1)):
        assert live(article) is None


def test_approving_a_new_submission_brings_an_unpublished_article_back(client, published_article):
    article = published_article
    workflow.unpublish(article=article, user=ModeratorFactory())
    edit(article, "Revised after unpublishing.")
    publish(article, change_summary="Revised")
    assert page_status(client, article.slug) == 200
    assert (
        "Revised after unpublishing."
        in client.get(reverse("articles:article", kwargs={"slug": article.slug})).content.decode()
    )


def test_restore_makes_an_old_revision_live_again_as_a_new_one(client, article):
    first_at = timezone.now() - timedelta(days=5)
    first = publish(article, go_live_at=first_at)
    edit(article, "A regrettable rewrite.")
    second = publish(article, change_summary="Rewrite")
    moderator = ModeratorFactory()
    restored = workflow.restore(revision=first, user=moderator)

    assert restored.number == 3
    assert restored.restored_from == first
    assert restored.content == first.content
    assert restored.change_summary == "Restored revision 1."
    assert live(article) == restored
    assert live(article).published_at == first_at
    html = client.get(restored.get_absolute_url()).content.decode()
    assert "A father and his daughter." in html
    assert "regrettable" not in html
    # Nothing lost: both earlier revisions are kept as they were.
    second.refresh_from_db()
    assert second.status == Status.APPROVED
    assert Revision.objects.filter(article=article).count() == 3


def test_restoring_what_readers_already_see_is_refused(published_article):
    with pytest.raises(WorkflowError):
        workflow.restore(revision=live(published_article), user=ModeratorFactory())


def test_a_revision_that_never_went_live_cannot_be_restored(published_article):
    article = published_article
    edit(article, "Never approved.")
    pending = submit(article)
    workflow.request_changes(revision=pending, user=ModeratorFactory(), comment="No.")
    with pytest.raises(WorkflowError):
        workflow.restore(revision=pending, user=ModeratorFactory())
    scheduled_edit = "Scheduled, not yet live."
    edit(article, scheduled_edit)
    scheduled = publish(article, go_live_at=timezone.now() + timedelta(days=1))
    with pytest.raises(WorkflowError):
        workflow.restore(revision=scheduled, user=ModeratorFactory())


def test_restore_after_unpublish_brings_the_article_back(client, published_article):
    article = published_article
    revision = live(article)
    workflow.unpublish(article=article, user=ModeratorFactory())
    restored = workflow.restore(revision=revision, user=ModeratorFactory(), is_minor=True)
    assert live(article) == restored
    assert page_status(client, article.slug) == 200
    assert not live(article).has_later_update  # a minor restore is not news


def test_a_submission_overtaken_by_a_restore_cannot_be_approved(history):
    article, pending = history
    workflow.restore(revision=article.revisions.get(number=1), user=ModeratorFactory())
    with pytest.raises(WorkflowError):
        workflow.approve(revision=pending, user=ModeratorFactory())


# Notifications ------------------------------------------------------------------------


def test_submit_notifies_moderators_without_spoilers(article, django_capture_on_commit_callbacks):
    moderators = [ModeratorFactory(), ModeratorFactory(email="")]
    superuser = SuperuserFactory()
    EditorFactory()  # editors are not told
    editor = EditorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        pending = submit(article, user=editor, change_summary="Added a section")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted([moderators[0].email, superuser.email])
    assert message.subject == f"Review requested: {article.title}"
    assert "Added a section" in message.body
    assert reverse("admin:articles_submission_review", args=[pending.pk]) in message.body
    assert "secret twist" not in message.body  # the spoiler section's text


def test_approve_and_request_changes_notify_the_submitter(
    article, django_capture_on_commit_callbacks
):
    editor = EditorFactory()
    pending = submit(article, user=editor, change_summary="First")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.request_changes(revision=pending, user=ModeratorFactory(), comment="Fix it.")
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject.startswith("Changes requested:")
    assert "Fix it." in mail.outbox[0].body

    edit(article, "Fixed.")
    pending = submit(article, user=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(revision=pending, user=ModeratorFactory())
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert mail.outbox[0].subject == f"Approved: {article.title}"
    assert "live now" in mail.outbox[0].body
    assert "secret twist" not in mail.outbox[0].body


def test_refused_actions_send_nothing(article, django_capture_on_commit_callbacks):
    pending = submit(article)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        workflow.approve(revision=pending, user=EditorFactory())
    assert mail.outbox == []


# Update history --------------------------------------------------------------------


def test_update_history_lists_non_minor_updates_newest_first(article):
    first = publish(article, go_live_at=timezone.now() - timedelta(days=9))
    edit(article, "Update one.")
    one = publish(
        article, change_summary="Added the cast", go_live_at=timezone.now() - timedelta(days=5)
    )
    edit(article, "Typo.")
    publish(article, is_minor=True, go_live_at=timezone.now() - timedelta(days=2))
    current = live(article)
    assert [r.pk for r in current.update_history] == [one.pk, first.pk]
