"""The workflow's two ways in for imported articles: review with the original
dates kept, and an administrator's direct publication for a migration."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles import workflow
from articles.models import Revision
from tests.factories import ArticleFactory, EditorFactory, ModeratorFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2021, 4, 1, 9, 0, tzinfo=UTC)
UPDATED = datetime(2023, 8, 15, 12, 30, tzinfo=UTC)
DATES = workflow.OriginalDates(published=PUBLISHED, updated=UPDATED)


def live(article):
    return Revision.objects.live().get(article=article)


def test_approving_an_imported_article_keeps_its_original_dates():
    article = ArticleFactory()
    pending = workflow.submit(article=article, user=EditorFactory(), original_dates=DATES).revision
    workflow.approve(revision=pending, user=ModeratorFactory())
    shown = live(article)
    assert (shown.published_at, shown.updated_at) == (PUBLISHED, UPDATED)
    assert shown.has_later_update
    assert list(article.revisions.order_by("number").values_list("go_live_at", flat=True)) == [
        PUBLISHED,
        UPDATED,
    ]


def test_after_that_the_updated_rule_holds_as_usual():
    article = ArticleFactory()
    pending = workflow.submit(article=article, user=EditorFactory(), original_dates=DATES).revision
    workflow.approve(revision=pending, user=ModeratorFactory())
    section = article.sections.first()
    section.body = "Corrected."
    section.save()
    again = workflow.submit(article=article, user=EditorFactory(), is_minor=True).revision
    workflow.approve(revision=again, user=ModeratorFactory())
    assert live(article).updated_at == UPDATED  # a minor fix is not news
    section.body = "Rewritten."
    section.save()
    third = workflow.submit(article=article, user=EditorFactory()).revision
    workflow.approve(revision=third, user=ModeratorFactory())
    assert live(article).updated_at > timezone.now() - timedelta(minutes=1)
    assert live(article).published_at == PUBLISHED


def test_direct_publication_is_for_administrators_only():
    article = ArticleFactory()
    for user in (EditorFactory(), ModeratorFactory()):
        with pytest.raises(PermissionDenied):
            workflow.publish_import_directly(article=article, user=user, original_dates=DATES)
    assert not article.revisions.exists()


def test_direct_publication_goes_live_at_the_original_dates_and_replaces_a_pending_one():
    article = ArticleFactory()
    pending = workflow.submit(article=article, user=EditorFactory()).revision
    admin = SuperuserFactory()
    workflow.publish_import_directly(article=article, user=admin, original_dates=DATES)
    pending.refresh_from_db()
    assert pending.status == Revision.Status.SUPERSEDED
    shown = live(article)
    assert (shown.published_at, shown.updated_at) == (PUBLISHED, UPDATED)
    assert shown.reviewed_by == admin
    with pytest.raises(workflow.WorkflowError, match="Nothing has changed"):
        workflow.publish_import_directly(article=article, user=admin, original_dates=DATES)


def test_dates_in_the_future_or_out_of_order_are_refused():
    article = ArticleFactory()
    later = timezone.now() + timedelta(days=1)
    for dates in (
        workflow.OriginalDates(published=later),
        workflow.OriginalDates(published=UPDATED, updated=PUBLISHED),
    ):
        with pytest.raises(workflow.WorkflowError):
            workflow.publish_import_directly(
                article=article, user=SuperuserFactory(), original_dates=dates
            )
        with pytest.raises(workflow.WorkflowError):
            workflow.submit(article=article, user=EditorFactory(), original_dates=dates)
    assert not article.revisions.exists()


def test_an_article_published_directly_is_found_by_search():
    from search.engine import search

    article = ArticleFactory(title="Is Quorvanta a true story?")
    assert search("quorvanta").total == 0
    workflow.publish_import_directly(article=article, user=SuperuserFactory(), original_dates=DATES)
    assert search("quorvanta").total == 1
