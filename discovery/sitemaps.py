"""sitemap.xml: an index of sitemap pages for live articles, films, authors, topics
and the published site pages.

``lastmod`` follows the one "Updated" rule (``Publication.modified_at``): an
article's is its modified date; a film's or an author's is the newest
modified date of their live articles (a film page also shows its facts box,
so a later edit of the film counts too). Addresses come from SITE_URL, like
every canonical link.

A page of the sitemap holds the rows whose ids fall in one block of
``limit`` ids (at most 1,000 addresses), found through the primary-key
index: page 20 costs what page 1 costs, a miss renders the same 1,000
addresses at most at any size, and nothing counts the whole table (Django's
own paging would count every item and skip over the earlier pages on each
request). The index lists every block up to the highest id, so it names
every page there is.
"""

from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape

from articles.hubs import HUBS
from articles.models import Publication
from films.models import Author, Film
from sitepages.models import Kind, SitePage
from topics.models import Topic

URLS_PER_PAGE = 1000


class SiteUrlSitemap(Sitemap):
    """Locations on SITE_URL's scheme and host, whatever host was asked."""

    limit = URLS_PER_PAGE

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_latest_lastmod(self):
        # The index lists pages without a date rather than reading every item.
        return None


class IdBlocks:
    """A paginator over blocks of ids: page n holds ids (n-1)·limit < id ≤ n·limit."""

    def __init__(self, queryset, id_field: str, limit: int, ids=None):
        self.queryset, self.id_field, self.limit = queryset, id_field, limit
        self.ids = ids or queryset.model  # the model whose primary keys are paged

    @property
    def num_pages(self) -> int:
        highest = self.ids.objects.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, ceil(highest / self.limit))

    @property
    def page_range(self):
        return range(1, self.num_pages + 1)

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if number < 1 or (number > 1 and number > self.num_pages):
            raise EmptyPage(number)
        low, high = (number - 1) * self.limit, number * self.limit
        items = self.queryset.filter(
            **{f"{self.id_field}__gt": low, f"{self.id_field}__lte": high}
        ).order_by(self.id_field)
        return _Page(items)


class _Page:
    def __init__(self, object_list):
        self.object_list = object_list


class ArticleSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # The publication state holds the slug and both public dates: no join.
        return Publication.objects.live().only("slug", "published_at", "updated_at")

    @property
    def paginator(self):
        return IdBlocks(self.items(), "pk", self.limit)

    @cached_property
    def _article_path(self) -> tuple[str, str]:
        # One reverse() per page rather than one per address.
        return tuple(reverse("articles:article", kwargs={"slug": SLUG_MARK}).split(SLUG_MARK))

    def location(self, publication):
        before, after = self._article_path
        return f"{before}{publication.slug}{after}"

    def lastmod(self, publication):
        return publication.modified_at


def _newest_article_update(field: str):
    """The newest "Updated" date of the live articles of the row at ``field``."""
    return Subquery(
        Publication.objects.live()
        .filter(**{field: OuterRef("pk")})
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )


class FilmSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Film.objects.annotate(latest_article=_newest_article_update("film")).only(
            "slug", "updated_at"
        )

    @property
    def paginator(self):
        return IdBlocks(self.items(), "pk", self.limit)

    def lastmod(self, film):
        article = film.latest_article
        return max(article, film.updated_at) if article else film.updated_at


class AuthorSitemap(SiteUrlSitemap):
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        live = Publication.objects.live().filter(author=OuterRef("pk"))
        return (
            Author.objects.filter(Exists(live))
            .annotate(latest_article=_newest_article_update("author"))
            .only("slug")
        )

    @property
    def paginator(self):
        return IdBlocks(self.items(), "pk", self.limit)

    def lastmod(self, author):
        return author.latest_article


class StaticSitemap(SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        hubs = [("articles:hub", hub.slug) for hub in HUBS]
        return [
            ("articles:home", None),
            ("articles:article_list", None),
            *hubs,
            ("topics:index", None),
        ]

    def location(self, item):
        name, slug = item
        return reverse(name, kwargs={"slug": slug}) if slug else reverse(name)


class TopicSitemap(SiteUrlSitemap):
    """Topic pages; ``lastmod`` is the topic's own last edit (its lists change with it)."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Topic.objects.only("slug", "updated_at")

    @property
    def paginator(self):
        return IdBlocks(self.items(), "pk", self.limit)

    def lastmod(self, topic):
        return topic.updated_at


class OnePage:
    """A paginator for a section that always fits on one page (a handful of fixed
    addresses): the index names it without a query, and its page reads the rows."""

    num_pages = 1
    page_range = range(1, 2)

    def __init__(self, items):
        self.items = items

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(number) from None
        if number != 1:
            raise EmptyPage(number)
        return _Page(self.items())


class SitePageSitemap(SiteUrlSitemap):
    """About, the editorial standards, privacy and the rest, once published;
    ``lastmod`` is the last publication (later edits wait for the next one)."""

    changefreq = "monthly"
    priority = 0.3
    limit = len(Kind.choices)

    def items(self):
        return SitePage.objects.published().only("slug", "published_at")

    @property
    def paginator(self):
        return OnePage(self.items)

    def lastmod(self, page):
        return page.published_at


SLUG_MARK = "slug-goes-here"

SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "films": FilmSitemap,
    "authors": AuthorSitemap,
    "topics": TopicSitemap,
    "site-pages": SitePageSitemap,
}


URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def section(request, section):
    """One page of a section: Django's sitemap view (paging, 404s, Last-Modified),
    its addresses written out here rather than through the template engine,
    which took about a millisecond per address."""
    response = sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)
    lines = [URLSET_OPEN]
    for url in response.context_data["urlset"]:
        parts = [f"<url><loc>{escape(url['location'])}</loc>"]
        if url["lastmod"]:
            parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts.append("</url>\n")
        lines.append("".join(parts))
    lines.append("</urlset>\n")
    page = HttpResponse("".join(lines), content_type="application/xml")
    if response.has_header("Last-Modified"):
        page["Last-Modified"] = response["Last-Modified"]
    return page


def _day(moment) -> str:
    """The day of ``moment`` in the site's time zone, as the sitemap template wrote it."""
    if hasattr(moment, "tzinfo") and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d")
