"""sitemap.xml: live articles, films and the authors of live articles.

``lastmod`` follows the one "Updated" rule (``Revision.modified_at``): an
article's is its modified date; a film's or an author's is the newest
modified date of their live articles (a film page also shows its facts box,
so a later edit of the film counts too). Addresses come from SITE_URL, like
every canonical link.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Author, Film, Revision


class SiteUrlSitemap(Sitemap):
    """Locations on SITE_URL's scheme and host, whatever host was asked."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def latest_modified(attribute: str) -> dict:
    """{film_id or author_id: newest modified date of its live articles}."""
    latest = {}
    for revision in Revision.objects.live().only("article_id", "film_id", "author_id"):
        key, modified = getattr(revision, attribute), revision.modified_at
        if modified and (key not in latest or modified > latest[key]):
            latest[key] = modified
    return latest


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Revision.objects.live().order_by("-published_at", "-pk")

    def lastmod(self, revision):
        return revision.modified_at


class FilmSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        self._latest = latest_modified("film_id")
        return Film.objects.order_by("pk")

    def lastmod(self, film):
        article = self._latest.get(film.pk)
        return max(article, film.updated_at) if article else film.updated_at


class AuthorSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        self._latest = latest_modified("author_id")
        return Author.objects.filter(pk__in=self._latest).order_by("pk")

    def lastmod(self, author):
        return self._latest[author.pk]


class StaticSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["articles:home", "articles:article_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "films": FilmSitemap,
    "authors": AuthorSitemap,
}
