"""A promotion not yet committed must not tell other workers that nothing is due any more.

Until the promoting transaction commits, other workers read the rows it
replaces. If the clock already held the next, later go-live, a request
arriving meanwhile skipped the promotion and was served the old revision
after its go-live time (seen on the other instance in the load drill).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import workflow
from pagecache.clock import NONE_SCHEDULED, get_clock
from search import index as search_index
from tests.factories import ArticleFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_scheduled():
    get_clock().set_next_go_live(NONE_SCHEDULED)  # a running site with nothing scheduled


def test_the_next_go_live_moves_later_only_after_the_promotion_commits(moderator, monkeypatch):
    now = timezone.now()
    first, second = ArticleFactory(), ArticleFactory()
    publish(first, user=moderator, go_live_at=now + timedelta(hours=1))
    publish(second, user=moderator, go_live_at=now + timedelta(hours=2))
    clock = get_clock()
    assert clock.next_go_live() == pytest.approx((now + timedelta(hours=1)).timestamp())
    due = now + timedelta(hours=1, seconds=1)
    seen_inside = []
    sync = search_index.sync_article

    def sync_and_look(**kwargs):  # runs inside the promoting transaction
        seen_inside.append(clock.next_go_live())
        return sync(**kwargs)

    monkeypatch.setattr(search_index, "sync_article", sync_and_look)
    assert workflow.promote_due(now=due) == 1
    # Not committed yet: other workers must still have found the first go-live due.
    assert seen_inside and seen_inside[0] <= due.timestamp()
    # Committed: the next one is announced.
    assert clock.next_go_live() == pytest.approx((now + timedelta(hours=2)).timestamp())


def test_a_new_schedule_is_announced(moderator):
    now = timezone.now()
    publish(ArticleFactory(), user=moderator, go_live_at=now + timedelta(minutes=5))
    assert get_clock().next_go_live() == pytest.approx((now + timedelta(minutes=5)).timestamp())
