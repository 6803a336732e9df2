"""An article page renders from one revision row plus its film, however long it is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import SiteSettings
from tests.factories import (
    ArticleFactory,
    AvailabilityFactory,
    CreditFactory,
    FilmFactory,
    RatingFactory,
    publish,
)

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL with a cold cache. If a change makes the
# article page need more queries, this is the number to question, not raise.
# The 8: the live revision (with film and author joined), the site settings,
# then the film's cast, where to watch, ratings, the film it remakes ("Based
# on") and its other versions, and the update history (one query however
# many updates there were; added with the review workflow, issue 3).
# Then 4 for "Read next" (issue 12): the topics naming the article or its film,
# and the related explainers step by step (same story, shared actor, same
# verdict; the topic step is skipped when there is no topic), each a limited
# index range. All of it runs when the page is built, once per live revision,
# never for a reader's request, which reads the stored page in one query.
# Then 1 for the accepted reader corrections with a public note, however many.
ARTICLE_PAGE_QUERIES = 13


def make_article(*, sections, questions):
    original = FilmFactory(year=2013, country="South Korea")
    film = FilmFactory(adaptation_of=original)
    FilmFactory(adaptation_of=original, year=2022, country="Indonesia")
    CreditFactory.create_batch(3, film=film)
    AvailabilityFactory(film=film)
    RatingFactory(film=film)
    article = ArticleFactory(
        film=film,
        sections=[
            {"heading": f"Heading {n}", "body": f"Body {n}", "is_spoiler": n % 2 == 1}
            for n in range(sections)
        ],
        questions=questions,
    )
    publish(article)
    return article


def cold_page_queries(client, article):
    # The site settings row exists on any real site; only the cache is cold.
    SiteSettings.load()
    cache.clear()
    url = reverse("articles:article", kwargs={"slug": article.slug})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_page_cost_does_not_grow_with_sections_and_questions(client):
    short = make_article(sections=2, questions=2)
    long = make_article(sections=30, questions=30)

    short_count, _ = cold_page_queries(client, short)
    long_count, html = cold_page_queries(client, long)

    assert "Heading 29" in html
    assert "Reader question" in html
    assert long_count == short_count


def test_article_page_query_budget(client):
    count, _ = cold_page_queries(client, make_article(sections=2, questions=2))
    assert count == ARTICLE_PAGE_QUERIES


def test_warm_cache_needs_fewer_queries(client):
    article = make_article(sections=5, questions=5)
    cold, _ = cold_page_queries(client, article)
    url = reverse("articles:article", kwargs={"slug": article.slug})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) < cold
