import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EditorFactory, publish

VALID = {"message": "The year of release is 2019, not 2018.", "email": "", "website": ""}


def suggest_url(article):
    return reverse("corrections:suggest", kwargs={"slug": article.slug})


def article_url(article):
    return reverse("articles:article", kwargs={"slug": article.slug})


@pytest.fixture
def editor_author(db):
    """A published article whose author writes from a staff account."""
    article = ArticleFactory()
    article.author.user = EditorFactory(email="writer@example.com")
    article.author.save()
    publish(article)
    return article
