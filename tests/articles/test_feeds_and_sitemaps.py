"""RSS, Atom, sitemap.xml and robots.txt, parsed as XML (or text) and checked."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.models import Revision
from tests.factories import ArticleFactory, FilmFactory, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def sitemap_entries(client):
    """{loc: lastmod} of every address in the sitemap index's pages."""
    index = xml(client, reverse("discovery:sitemap"), "application/xml")
    entries = {}
    for page in index.findall(f"{SITEMAP}sitemap"):
        path = urlsplit(page.findtext(f"{SITEMAP}loc"))
        urlset = xml(client, f"{path.path}?{path.query}", "application/xml")
        for url in urlset.findall(f"{SITEMAP}url"):
            entries[url.findtext(f"{SITEMAP}loc")] = url.findtext(f"{SITEMAP}lastmod")
    return entries


@pytest.fixture
def articles(db, moderator):
    """Two films; one article on each, the first updated once and fixed once."""
    film, other = FilmFactory(), FilmFactory()
    first = ArticleFactory(film=film)
    publish(first, user=moderator, go_live_at=None)
    Revision.objects.filter(article=first).update(go_live_at=timezone.now() - timedelta(days=30))
    first.standfirst = "An updated answer up front."
    first.save()
    publish(first, user=moderator, change_summary="Updated.")
    Revision.objects.filter(article=first, number=2).update(
        go_live_at=timezone.now() - timedelta(days=10)
    )
    first.standfirst = "An updated answer up front, typo fixed."
    first.save()
    publish(first, user=moderator, change_summary="Typo.", is_minor=True)
    second = ArticleFactory(film=other)
    publish(second, user=moderator)
    ArticleFactory(film=film)  # never published: must appear nowhere
    live = {r.article_id: r for r in Revision.objects.live().select_related("film", "author")}
    return live[first.pk], live[second.pk], film


class TestRss:
    def test_all_articles(self, client, articles, settings):
        first, second, _film = articles
        channel = xml(client, reverse("discovery:feed_rss"), "application/rss+xml").find("channel")
        items = channel.findall("item")
        assert [i.findtext("title") for i in items] == [second.title, first.title]
        item = items[1]
        assert item.findtext("link") == settings.SITE_URL + first.get_absolute_url()
        assert item.findtext("description") == first.standfirst
        assert item.findtext("description") == "An updated answer up front, typo fixed."
        assert parsedate_to_datetime(item.findtext("pubDate")) == first.published_at.replace(
            microsecond=0
        )
        guid = item.find("guid")
        assert guid.attrib["isPermaLink"] == "false"
        assert guid.text.endswith(f":article:{first.article_id}")
        newest = max(first.modified_at, second.modified_at).replace(microsecond=0)
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest

    def test_per_film(self, client, articles):
        first, _second, film = articles
        url = reverse("discovery:film_feed_rss", kwargs={"slug": film.slug})
        items = xml(client, url, "application/rss+xml").find("channel").findall("item")
        assert [i.findtext("title") for i in items] == [first.title]

    def test_unknown_film_is_not_found(self, client, db):
        url = reverse("discovery:film_feed_rss", kwargs={"slug": "no-such-film"})
        assert client.get(url).status_code == 404


class TestAtom:
    def test_all_articles_with_updated_dates(self, client, articles, settings):
        first, second, _film = articles
        feed = xml(client, reverse("discovery:feed_atom"), "application/atom+xml")
        entries = feed.findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == [second.title, first.title]
        entry = entries[1]
        assert entry.find(f"{ATOM}link").attrib["href"] == (
            settings.SITE_URL + first.get_absolute_url()
        )
        assert entry.findtext(f"{ATOM}summary") == first.standfirst
        assert parse_datetime(entry.findtext(f"{ATOM}published")) == first.published_at
        # "Updated" is the non-minor revision 2, not the typo fix (revision 3).
        assert parse_datetime(entry.findtext(f"{ATOM}updated")) == first.modified_at
        assert first.number == 3 and first.modified_at < timezone.now() - timedelta(days=9)
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == first.author.name
        newest = max(first.modified_at, second.modified_at)
        assert parse_datetime(feed.findtext(f"{ATOM}updated")) == newest
        self_link = [
            link for link in feed.findall(f"{ATOM}link") if link.attrib.get("rel") == "self"
        ]
        assert self_link[0].attrib["href"] == settings.SITE_URL + reverse("discovery:feed_atom")

    def test_per_film(self, client, articles):
        _first, second, _film = articles
        url = reverse("discovery:film_feed_atom", kwargs={"slug": second.film.slug})
        entries = xml(client, url, "application/atom+xml").findall(f"{ATOM}entry")
        assert [e.findtext(f"{ATOM}title") for e in entries] == [second.title]


class TestSitemap:
    def test_articles_films_and_authors_with_lastmod(self, client, articles, settings):
        first, second, film = articles
        entries = sitemap_entries(client)
        site = settings.SITE_URL
        assert entries[site + first.get_absolute_url()] == first.modified_at.date().isoformat()
        assert entries[site + second.get_absolute_url()] == second.modified_at.date().isoformat()
        assert site + film.get_absolute_url() in entries
        assert entries[site + first.author.get_absolute_url()] == (
            first.modified_at.date().isoformat()
        )
        assert site + reverse("articles:home") in entries
        # Never-published articles are absent; only live slugs are listed.
        article_locs = [loc for loc in entries if "/articles/" in loc and loc.count("/") > 4]
        assert sorted(article_locs) == sorted(site + r.get_absolute_url() for r in (first, second))

    def test_film_lastmod_follows_its_newest_article(self, client, articles, settings):
        first, _second, film = articles
        type(film).objects.filter(pk=film.pk).update(updated_at=timezone.now() - timedelta(days=60))
        entries = sitemap_entries(client)
        assert entries[settings.SITE_URL + film.get_absolute_url()] == (
            first.modified_at.date().isoformat()
        )


def test_robots_txt_points_to_the_sitemap(client, db, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert not any(line.strip() == "Disallow: /" for line in lines)


@pytest.mark.parametrize("name", ["discovery:feed_rss", "discovery:feed_atom", "discovery:sitemap"])
def test_feeds_and_sitemap_may_be_cached_publicly(client, db, settings, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert f"max-age={settings.PUBLIC_CACHE_SECONDS}" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
