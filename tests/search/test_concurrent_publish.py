"""A search answered while a publish reindexes the article it found: fewer hits, never a 500.

Seen under load (`make loadtest`): a publish replaces the article's search
documents between the engine's match query and its fetch of the texts, and
the search answered 500 (KeyError).
"""

import pytest

from search import engine
from tests.factories import ArticleFactory, publish

pytestmark = pytest.mark.django_db


def test_a_document_replaced_between_the_two_queries_is_left_out(moderator, monkeypatch):
    article = ArticleFactory(title="Is Lantern Sisters a true story?")
    publish(article, user=moderator)
    fetch = engine._hits

    def publish_in_between(candidates, terms, backend):
        article.standfirst = "Rewritten while a reader searched."
        article.save()
        publish(article, user=moderator)  # reindexes: new document ids
        return fetch(candidates, terms, backend)

    monkeypatch.setattr(engine, "_hits", publish_in_between)
    results = engine.search("lantern sisters")
    assert results.hits == []
