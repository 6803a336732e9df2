"""A result shows what the article page shows, from the index row alone."""

from datetime import timedelta
from unittest import mock

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import workflow
from articles.models import Revision
from search.engine import search
from search.index import rebuild
from search.models import SearchDocument
from tests.factories import ArticleFactory, publish

pytestmark = pytest.mark.django_db

DISPLAY = [
    "title",
    "url",
    "film_label",
    "film_url",
    "verdict_label",
    "updated_at",
    "revision_number",
]


def stored():
    rows = SearchDocument.objects.values_list("kind", "revision_id", "film_id", *DISPLAY)
    return sorted(rows, key=lambda row: (row[0], row[1] or 0, row[2]))


def retitle(article, title):
    article.title = title
    article.save()


@pytest.fixture
def article(db):
    return ArticleFactory(title="Is Quillon a true story?", verdict="partly")


def test_a_hit_shows_the_live_pages_title_film_verdict_and_updated_date(article):
    publish(article)
    live = Revision.objects.live().select_related("film").get(article=article)
    hit = search("quillon").hits[0]
    assert hit.url == live.get_absolute_url()
    assert "Quillon" in hit.title_html
    assert hit.film_label == f"{live.film.title} ({live.film.year})"
    assert hit.film_url == live.film.get_absolute_url()
    assert hit.verdict_label == "Partly true"
    assert hit.updated == live.modified_at


def test_a_minor_change_keeps_the_updated_date_and_a_major_one_moves_it(article):
    publish(article, go_live_at=timezone.now() - timedelta(days=3))
    first = search("quillon").hits[0].updated
    retitle(article, "Is Quillon a true story? (typo fixed)")
    publish(article, is_minor=True)
    hit = search("quillon").hits[0]
    assert "typo fixed" in hit.title_html and hit.updated == first
    retitle(article, "Is Quillon a true story? Rewritten")
    publish(article)
    hit = search("quillon").hits[0]
    assert "Rewritten" in hit.title_html and hit.updated > first
    assert hit.updated == Revision.objects.live().get(article=article).modified_at


def test_a_scheduled_replacement_shows_its_own_title_and_date_at_its_time(article):
    publish(article, go_live_at=timezone.now() - timedelta(days=3))
    retitle(article, "Is Quillon a true story? Updated")
    go_live = timezone.now() + timedelta(hours=1)
    publish(article, go_live_at=go_live)
    assert "Updated" not in search("quillon").hits[0].title_html
    # Before any request has promoted it: the index alone knows which is live.
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
        results = search("quillon")
    assert results.total == 1
    assert "Updated" in results.hits[0].title_html and results.hits[0].updated == go_live


def test_a_film_edit_changes_its_label_and_link_in_results(article):
    publish(article)
    film = article.film
    film.year, film.slug = 1999, "quillon-film-1999"
    film.save()
    workflow.film_changed(film=film)
    labels = {hit.film_label for hit in search("quillon").hits}
    assert labels == {f"{film.title} (1999)"}
    assert "/films/quillon-film-1999/" in {hit.film_url for hit in search("quillon").hits}


def test_rebuild_stores_what_the_workflow_stored(article):
    publish(article, go_live_at=timezone.now() - timedelta(days=3))
    retitle(article, "Is Quillon a true story? Later")
    publish(article, go_live_at=timezone.now() + timedelta(days=1))
    before = stored()
    rebuild()
    assert stored() == before


def test_the_upgrade_fills_rows_indexed_before_it(article):
    fill = __import__(
        "search.migrations.0003_display_fields", fromlist=["fill_display_fields"]
    ).fill_display_fields
    publish(article)
    before = stored()
    SearchDocument.objects.update(
        title="", url="", film_label="", film_url="", verdict_label="", updated_at=None
    )
    fill(apps, None)
    assert stored() == before


@pytest.mark.parametrize("hits", [1, 20])
def test_a_results_page_is_one_search_and_one_lookup(db, hits):
    for n in range(hits):
        publish(ArticleFactory(title=f"Is budget story {n} true?"))
    with CaptureQueriesContext(connection) as queries:
        results = search("budget")
    assert len(results.hits) == results.total == hits
    assert len(queries) == 2, [query["sql"][:80] for query in queries]
