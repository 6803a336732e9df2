"""The read path's lookups use indexes, so their cost does not grow with the site.

Checked on the query plans the database reports (SQLite's EXPLAIN QUERY PLAN,
PostgreSQL's EXPLAIN with sequential scans, bitmap scans and sorts
discouraged, so a usable index is always shown), not on timings.
"""

import pytest
from django.db import connection

from articles.listing import page_of
from articles.models import Article, Publication, Revision
from tests.factories import publish

pytestmark = pytest.mark.django_db


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(str(row[-1]) for row in cursor.fetchall())
        # On a test-sized table the planner prefers scanning and sorting;
        # discouraging both shows whether an index serves the query's order
        # (without one, PostgreSQL still has to sort, and the test fails).
        discouraged = ["enable_seqscan", "enable_bitmapscan", "enable_sort"]
        for setting in discouraged:
            cursor.execute(f"SET {setting} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        for setting in discouraged:
            cursor.execute(f"RESET {setting}")
        return plan


def uses_index(text: str, name: str) -> bool:
    return name in text


def assert_no_full_sort(text: str):
    # SQLite sorts in a temporary B-tree; PostgreSQL shows a Sort node.
    assert "TEMP B-TREE" not in text and "Sort" not in text.replace("Sort Key", ""), text


@pytest.fixture
def live_site(site):
    return site


def test_the_live_lookup_by_address_uses_the_slug_index(live_site):
    text = plan(Publication.objects.live().filter(slug="x").values("article_id"))
    assert uses_index(text, "publication_slug"), text


def test_the_newest_articles_are_one_index_range_without_a_sort(live_site):
    text = plan(Revision.objects.live().newest_first()[:20])
    assert uses_index(text, "publication_newest"), text
    assert_no_full_sort(text)


def test_a_deep_page_is_an_index_range_too(live_site):
    first = page_of(Revision.objects.live(), None, 1).items[0]
    from articles.listing import cursor_of, parse_cursor

    moment, article_id = parse_cursor(cursor_of(first))
    deep = (
        Revision.objects.live()
        .newest_first()
        .filter(publication__published_at__lte=moment)
        .exclude(publication__published_at=moment, publication__article_id__gte=article_id)[:21]
    )
    text = plan(deep)
    assert uses_index(text, "publication_newest"), text
    assert_no_full_sort(text)


@pytest.mark.parametrize(
    ("field", "index"), [("film", "publication_film"), ("author", "publication_author")]
)
def test_film_and_author_pages_are_one_index_range(live_site, field, index):
    queryset = Revision.objects.live().filter(**{f"publication__{field}": live_site[field]})
    text = plan(queryset.newest_first()[:21])
    assert uses_index(text, index), text
    assert_no_full_sort(text)


def test_recently_updated_is_one_index_range(live_site):
    text = plan(Revision.objects.live().recently_updated()[:8])
    assert uses_index(text, "publication_updated"), text
    assert_no_full_sort(text)


def test_finding_due_schedules_uses_the_go_live_index(live_site):
    from django.utils import timezone

    text = plan(Publication.objects.due(timezone.now()).values("article_id"))
    assert uses_index(text, "publication_next_go_live"), text


def test_published_articles_for_the_admin_join_on_the_key(live_site):
    text = plan(Article.objects.published().values("pk")[:100])
    assert "SCAN articles_revision" not in text, text
    assert publish  # the fixture published through the workflow


def test_a_single_verdict_hub_is_one_index_range_without_a_sort(live_site):
    # The order page_of gives every listing (the fiction and true-story hubs).
    text = plan(
        Publication.objects.live()
        .cards()
        .with_verdicts(["no"])
        .order_by("-published_at", "-article_id")[:21]
    )
    assert uses_index(text, "publication_verdict"), text
    assert_no_full_sort(text)
