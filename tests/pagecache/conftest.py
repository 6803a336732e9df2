import pytest
from django.urls import reverse

from articles.hubs import hub_for
from tests.factories import (
    ArticleFactory,
    AvailabilityFactory,
    CreditFactory,
    FilmFactory,
    RatingFactory,
    publish,
)


@pytest.fixture
def site(db, moderator):
    """A remake with an original and another version, two articles about it, one author."""
    original = FilmFactory(year=2013, country="South Korea")
    film = FilmFactory(adaptation_of=original)
    other = FilmFactory(adaptation_of=original, year=2022, country="Indonesia")
    CreditFactory.create_batch(3, film=film)
    AvailabilityFactory(film=film)
    RatingFactory(film=film)
    article = ArticleFactory(film=film)
    second = ArticleFactory(film=film, author=article.author)
    publish(article, user=moderator)
    publish(second, user=moderator)
    return {
        "article": article,
        "second": second,
        "film": film,
        "original": original,
        "other": other,
        "author": article.author,
    }


def public_urls(site):
    article, film = site["article"], site["film"]
    return {
        "article": reverse("articles:article", kwargs={"slug": article.slug}),
        "home": reverse("articles:home"),
        "article list": reverse("articles:article_list"),
        "film": reverse("articles:film", kwargs={"slug": film.slug}),
        "author": reverse("articles:author", kwargs={"slug": site["author"].slug}),
        "hub": reverse("articles:hub", kwargs={"slug": hub_for(article.verdict).slug}),
        "feed": reverse("discovery:feed_rss"),
        "film feed": reverse("discovery:film_feed_atom", kwargs={"slug": film.slug}),
        "sitemap": reverse("discovery:sitemap"),
        "sitemap page": reverse("discovery:sitemap_section", kwargs={"section": "articles"}),
        "robots.txt": reverse("discovery:robots"),
    }
