"""Spoiler text is never indexed: no result, excerpt, count or ranking comes from it."""

import re

import pytest
from django.db import models
from django.urls import reverse

from search.engine import search
from search.models import SearchDocument
from tests.articles.test_spoiler_marker import MARKERS, spoiled  # noqa: F401

pytestmark = pytest.mark.django_db

MARKER = re.compile("qzx", re.IGNORECASE)


@pytest.mark.parametrize("marker", MARKERS.values())
def test_searching_a_spoiler_word_finds_nothing(spoiled, marker):  # noqa: F811
    results = search(marker)
    assert results.total == 0 and results.hits == []
    assert not results.corrected and not results.any_term


def test_no_spoiler_word_is_in_the_index(spoiled):  # noqa: F811
    # Every stored text, including what results show (title, labels, links).
    texts = [
        field.attname
        for field in SearchDocument._meta.fields
        if isinstance(field, (models.CharField, models.TextField))
    ]
    assert {"summary", "body", "title", "film_label", "verdict_label"} <= set(texts)
    for row in SearchDocument.objects.values_list(*texts):
        assert not any(MARKER.search(text) for text in row)


@pytest.mark.parametrize("query", ["marker", "marker film", "ending", "plot", "netflix"])
def test_results_pages_never_show_a_spoiler(client, spoiled, query):  # noqa: F811
    response = client.get(reverse("search:results"), {"q": query})
    assert response.status_code == 200
    assert not MARKER.search(response.content.decode())


def test_results_pages_for_the_markers_say_nothing_was_found(client, spoiled):  # noqa: F811
    response = client.get(reverse("search:results"), {"q": " ".join(MARKERS.values())})
    assert "Nothing found" in response.content.decode()
