"""Every public page costs a fixed number of queries on a miss and none on a hit.

Fixed means: the same whatever the number of sections, questions, cast
members, articles on the page or on the site, and films linked. Each page is
measured on a small site and again after it has grown (more articles by the
same author about the same film, longer articles, a bigger cast).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, CreditFactory, FilmFactory, publish
from tests.pagecache.conftest import public_urls

pytestmark = pytest.mark.django_db

# On a miss (the page cache empty; the article page's stored build kept, as
# it is built once per version). Measured on SQLite and PostgreSQL.
MISS_BUDGET = {
    "article": 1,  # the stored page, by slug
    "home": 5,  # newest (the lead among them), recently updated, one shelf per verdict hub
    "hub": 1,  # one page of the hub's articles
    "article list": 1,
    "film": 8,  # film, its versions, its topics, one page of articles, facts (cast, where,
    # ratings, based on)
    "author": 2,  # author, one page of articles
    "feed": 1,
    "film feed": 2,  # film, articles
    "sitemap": 4,  # the highest id of each paged section
    "sitemap page": 1,
    "robots.txt": 0,
}


def cost(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(site, moderator):
    """Four more articles by the same author on the same film, longer, with a bigger cast."""
    CreditFactory.create_batch(10, film=site["film"])
    for _ in range(4):
        more = ArticleFactory(
            film=site["film"],
            author=site["author"],
            sections=[{"heading": f"Part {i}", "body": f"Text {i}."} for i in range(12)],
            questions=12,
        )
        publish(more, user=moderator)
    FilmFactory(adaptation_of=site["original"], year=2024, country="Spain")


@pytest.mark.parametrize("name", list(MISS_BUDGET))
def test_query_budget_on_a_miss_and_a_hit(client, site, moderator, name):
    urls = public_urls(site)
    client.get(urls["article"])  # builds and stores the article page (once per version)
    counts = []
    for _ in range(2):
        cache.clear()
        client.get(urls[name])  # first reader after the change: builds what it needs
        cache.clear()
        counts.append(cost(client, urls[name]))
        assert cost(client, urls[name]) == 0  # a hit
        grow(site, moderator)
    assert counts == [MISS_BUDGET[name]] * 2
