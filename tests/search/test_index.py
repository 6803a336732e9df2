"""The index follows the published record exactly, through every workflow step."""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import workflow
from search.engine import search
from search.models import SearchDocument
from tests.factories import (
    ArticleFactory,
    CreditFactory,
    FilmFactory,
    ModeratorFactory,
    publish,
    submit,
)
from tests.search.test_results import urls

pytestmark = pytest.mark.django_db


def found(query, article):
    # As a reader's request would: the first one after a go-live promotes it.
    workflow.promote_due()
    return f"/articles/{article.slug}/" in urls(search(query))


def rewrite(article, body):
    section = article.sections.first()
    section.body = body
    section.save()


@pytest.fixture
def article(db):
    return ArticleFactory(
        title="Is Quillon a true story?",
        sections=[{"heading": "Brief", "body": "The first version talks of lighthouses."}],
    )


def test_a_draft_is_never_found(article):
    assert not found("quillon", article)


def test_a_pending_revision_is_never_found(article):
    submit(article)
    assert not found("quillon", article)


def test_publishing_makes_it_findable(article):
    publish(article)
    assert found("quillon", article) and found("lighthouses", article)


def test_a_pending_replacement_leaves_the_live_text(article):
    publish(article)
    rewrite(article, "The second version talks of windmills.")
    submit(article)
    assert found("lighthouses", article) and not found("windmills", article)


def test_approving_a_replacement_swaps_the_text(article):
    publish(article)
    rewrite(article, "The second version talks of windmills.")
    publish(article)
    assert found("windmills", article) and not found("lighthouses", article)
    assert SearchDocument.objects.filter(article=article).count() == 1


def test_unpublishing_removes_it_and_restoring_brings_the_old_text_back(article):
    first = publish(article)
    rewrite(article, "The second version talks of windmills.")
    publish(article)
    moderator = ModeratorFactory()
    workflow.unpublish(article=article, user=moderator)
    assert not found("quillon", article) and not found("windmills", article)
    assert search("quillon").total == 0
    workflow.restore(revision=first, user=moderator)
    assert found("lighthouses", article) and not found("windmills", article)


def test_a_scheduled_first_publication_is_found_from_its_time_on(article):
    go_live = timezone.now() + timedelta(hours=1)
    publish(article, go_live_at=go_live)
    assert not found("quillon", article)
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
        assert found("quillon", article)


def test_a_scheduled_replacement_takes_over_at_its_time_without_cron(article):
    publish(article)
    rewrite(article, "The second version talks of windmills.")
    go_live = timezone.now() + timedelta(hours=1)
    publish(article, go_live_at=go_live)
    assert found("lighthouses", article) and not found("windmills", article)
    assert search("quillon").total == 1
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(seconds=1)):
        assert found("windmills", article) and not found("lighthouses", article)
        assert search("quillon").total == 1


def test_editing_a_films_cast_through_the_workflow_reindexes_film_and_articles(article):
    publish(article)
    CreditFactory(film=article.film, actor="Zenobia Farrow", character="The keeper")
    assert not found("farrow", article)
    workflow.film_changed(film=article.film)
    assert found("farrow", article)
    assert article.film.get_absolute_url() in urls(search("farrow"))


def test_rebuild_gives_the_same_index(article):
    publish(article)
    other = ArticleFactory(title="Is Quillon Two a true story?")
    publish(other)
    before = urls(search("quillon"))
    SearchDocument.objects.all().delete()  # as after a bulk import that skipped the workflow
    out = StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out, stderr=StringIO())
    assert "Indexed 4 pages" in out.getvalue()  # two articles, two films
    assert urls(search("quillon")) == before


def test_a_film_without_articles_is_found_once_saved_through_the_workflow(db):
    film = FilmFactory(title="Orphan Lighthouse", slug="orphan-lighthouse")
    workflow.film_changed(film=film)
    assert urls(search("orphan lighthouse")) == ["/films/orphan-lighthouse/"]
