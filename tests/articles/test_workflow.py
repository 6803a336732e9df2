"""The review workflow's functions: who may do what, and every state transition."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import workflow
from articles.models import Revision
from articles.workflow import WorkflowError
from tests.factories import (
    EditorFactory,
    ModeratorFactory,
    SuperuserFactory,
    publish,
    submit,
)
from tests.helpers import edit, live, page_status, state

pytestmark = pytest.mark.django_db

Status = Revision.Status


# The permission matrix ------------------------------------------------------

USERS = {
    "anonymous": lambda: AnonymousUser(),
    "editor": EditorFactory,
    "moderator": ModeratorFactory,
    "superuser": SuperuserFactory,
    "inactive moderator": lambda: ModeratorFactory(is_active=False),
}


def do_submit(article, pending, user):
    edit(article, "Yet another version.")
    return workflow.submit(article=article, user=user, change_summary="Again")


def do_approve(article, pending, user):
    return workflow.approve(revision=pending, user=user)


def do_schedule(article, pending, user):
    return workflow.approve(revision=pending, user=user, go_live_at=timezone.now() + timedelta(1))


def do_request_changes(article, pending, user):
    return workflow.request_changes(revision=pending, user=user, comment="Check the dates.")


def do_unpublish(article, pending, user):
    return workflow.unpublish(article=article, user=user)


def do_restore(article, pending, user):
    return workflow.restore(revision=article.revisions.get(number=1), user=user)


ACTIONS = {
    "submit": do_submit,
    "approve": do_approve,
    "schedule": do_schedule,
    "request changes": do_request_changes,
    "unpublish": do_unpublish,
    "restore": do_restore,
}
ALLOWED = {
    "anonymous": set(),
    "inactive moderator": set(),
    "editor": {"submit"},
    "moderator": set(ACTIONS),
    "superuser": set(ACTIONS),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("user_kind", USERS)
def test_permission_matrix(history, user_kind, action):
    article, pending = history
    user = USERS[user_kind]()
    before = state(article)
    if action in ALLOWED[user_kind]:
        ACTIONS[action](article, pending, user)
        assert state(article) != before
    else:
        with pytest.raises(PermissionDenied):
            ACTIONS[action](article, pending, user)
        assert state(article) == before


# Submitting -------------------------------------------------------------------


def test_submission_is_frozen_and_not_live(client, article):
    pending = submit(article, change_summary="First")
    assert pending.status == Status.PENDING
    assert pending.go_live_at is None
    edit(article, "Edited after submitting.")
    pending.refresh_from_db()
    assert "Edited after submitting." not in str(pending.content)
    assert live(article) is None
    assert page_status(client, article.slug) == 404


def test_submitting_again_replaces_the_pending_revision(article):
    first = submit(article, change_summary="First try")
    edit(article, "Better.")
    done = workflow.submit(article=article, user=EditorFactory(), change_summary="Second try")
    assert done.replaced.pk == first.pk
    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED
    assert list(article.revisions.pending()) == [done.revision]
    with pytest.raises(WorkflowError):
        workflow.approve(revision=first, user=ModeratorFactory())


def test_unchanged_working_copy_cannot_be_submitted(published_article):
    with pytest.raises(WorkflowError):
        submit(published_article)
    assert not published_article.revisions.pending().exists()


def test_first_submission_cannot_be_minor(article):
    with pytest.raises(WorkflowError):
        submit(article, is_minor=True)
    assert not article.revisions.exists()


# Approving ----------------------------------------------------------------------


def test_approve_now_makes_it_live(client, article):
    pending = submit(article)
    moderator = ModeratorFactory()
    approved = workflow.approve(revision=pending, user=moderator, comment="Fine.")
    assert approved.status == Status.APPROVED
    assert approved.reviewed_by == moderator
    assert approved.review_comment == "Fine."
    assert live(article) == approved
    assert page_status(client, article.slug) == 200


def test_scheduled_approval_goes_live_at_its_time(client, published_article):
    article = published_article
    edit(article, "Scheduled text.")
    go_live = timezone.now() + timedelta(hours=3)
    scheduled = publish(article, go_live_at=go_live)
    assert live(article).number == 1
    with mock.patch("django.utils.timezone.now", return_value=go_live - timedelta(seconds=1)):
        assert live(article).number == 1
        assert (
            "Scheduled text."
            not in client.get(article.revisions.first().get_absolute_url()).content.decode()
        )
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
        assert live(article) == scheduled
        html = client.get(scheduled.get_absolute_url()).content.decode()
    assert "Scheduled text." in html


def test_a_moderator_cannot_approve_their_own_submission(article):
    moderator = ModeratorFactory()
    pending = submit(article, user=moderator)
    with pytest.raises(PermissionDenied):
        workflow.approve(revision=pending, user=moderator)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    # ...but may send it back, and another moderator may approve it.
    assert workflow.approve(revision=pending, user=ModeratorFactory()).status == Status.APPROVED


def test_self_approval_setting_allows_it(article, settings):
    settings.FILMSITE_ALLOW_SELF_APPROVAL = True
    moderator = ModeratorFactory()
    pending = submit(article, user=moderator)
    assert workflow.approve(revision=pending, user=moderator).status == Status.APPROVED


def test_moderator_overrides_the_minor_flag(published_article):
    article = published_article
    first_live = live(article)
    edit(article, "A bigger change than the editor thought.")
    pending = submit(article, is_minor=True, change_summary="Tidied")
    later = timezone.now() + timedelta(seconds=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        approved = workflow.approve(revision=pending, user=ModeratorFactory(), is_minor=False)
        assert approved.is_minor is False
        assert live(article).updated_at == later > first_live.published_at


def test_moderator_confirms_the_minor_flag_by_default(published_article):
    article = published_article
    published = live(article).published_at
    edit(article, "Typo fixed.")
    pending = submit(article, is_minor=True)
    approved = workflow.approve(revision=pending, user=ModeratorFactory())
    assert approved.is_minor
    assert live(article).updated_at == published
    assert not live(article).has_later_update


def test_moderator_cannot_make_a_first_publication_minor(article):
    pending = submit(article)
    with pytest.raises(WorkflowError):
        workflow.approve(revision=pending, user=ModeratorFactory(), is_minor=True)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


@pytest.mark.parametrize("status", [Status.APPROVED, Status.CHANGES_REQUESTED, Status.SUPERSEDED])
def test_only_pending_revisions_can_be_reviewed(article, status):
    pending = submit(article)
    if status == Status.APPROVED:
        workflow.approve(revision=pending, user=ModeratorFactory())
    elif status == Status.CHANGES_REQUESTED:
        workflow.request_changes(revision=pending, user=ModeratorFactory(), comment="No.")
    else:
        edit(article, "Replaced.")
        submit(article)
    pending.refresh_from_db()
    before = state(article)
    with pytest.raises(WorkflowError):
        workflow.approve(revision=pending, user=ModeratorFactory())
    with pytest.raises(WorkflowError):
        workflow.request_changes(revision=pending, user=ModeratorFactory(), comment="x")
    assert state(article) == before


# Requesting changes -----------------------------------------------------------------


def test_request_changes_needs_a_comment(article):
    pending = submit(article)
    with pytest.raises(WorkflowError):
        workflow.request_changes(revision=pending, user=ModeratorFactory(), comment="  ")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_request_changes_sends_it_back(client, article):
    pending = submit(article)
    moderator = ModeratorFactory()
    workflow.request_changes(revision=pending, user=moderator, comment="Check the cast list.")
    pending.refresh_from_db()
    assert pending.status == Status.CHANGES_REQUESTED
    assert pending.review_comment == "Check the cast list."
    assert pending.reviewed_by == moderator
    assert page_status(client, article.slug) == 404
    # The editor fixes it and submits again.
    edit(article, "Fixed.")
    assert submit(article).status == Status.PENDING
