from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, publish, submit
from tests.helpers import edit


@pytest.fixture
def history():
    """An article with two live revisions (2 is live) and a pending third from an editor."""
    article = ArticleFactory()
    publish(article, go_live_at=timezone.now() - timedelta(days=2))
    edit(article, "Second version.")
    publish(article, change_summary="Second version")
    edit(article, "Third version, awaiting review.")
    pending = submit(article, change_summary="Third version")
    return article, pending
