"""Sitemap pages are small and constant: at most 1,000 addresses each, and the
index names every page, so together they list every live article once."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from discovery import sitemaps
from tests.articles.test_feeds_and_sitemaps import SITEMAP, sitemap_entries, xml
from tests.factories import ArticleFactory, publish

pytestmark = pytest.mark.django_db


def test_a_sitemap_page_holds_at_most_1000_addresses():
    for sitemap in sitemaps.SITEMAPS.values():
        assert sitemap.limit <= 1000


def test_small_pages_together_list_every_live_article_once(
    client, moderator, monkeypatch, settings
):
    # Pages of two ids: five articles (the fourth never published).
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    articles = [ArticleFactory() for _ in range(5)]
    live = [a for n, a in enumerate(articles) if n != 3]
    for article in live:
        publish(article, user=moderator)
    section = reverse("discovery:sitemap_section", kwargs={"section": "articles"})
    index = xml(client, reverse("discovery:sitemap"), "application/xml")
    locs = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    # Every block of two ids up to the highest, so no page is left out.
    pages = math.ceil(articles[-1].pk / 2)
    assert len([loc for loc in locs if section in loc]) == pages
    for number in range(1, pages + 1):
        urls = xml(client, f"{section}?p={number}", "application/xml").findall(f"{SITEMAP}url")
        assert len(urls) <= 2
    listed = [loc for loc in sitemap_entries(client) if "/articles/" in loc and loc.count("/") > 4]
    expected = [settings.SITE_URL + reverse("articles:article", args=[a.slug]) for a in live]
    assert sorted(listed) == sorted(expected)


def test_a_sitemap_page_is_one_query(client, moderator):
    publish(ArticleFactory(), user=moderator)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            reverse("discovery:sitemap_section", kwargs={"section": "articles"}) + "?p=1"
        )
    assert response.status_code == 200
    assert len(queries) == 1
