"""RSS and Atom feeds: every article, and the articles about one film.

Items carry spoiler-free fields only: the title and the standfirst (the
answer up front). Dates follow DESIGN.md: an item's published date is the
article's first go-live and its updated date is ``Revision.modified_at``
(the "Updated" rule), so a typo fix never resurfaces an item; the feed's own
updated date is the newest of those. Links are absolute from SITE_URL, as on
the pages' canonical links.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .models import Film, Revision
from .seo import absolute_url

FEED_SIZE = 30


def _live():
    return Revision.objects.live().select_related("film", "author")


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    description_template = None

    def title(self):
        return f"{settings.SITE_NAME}: film explainers"

    def description(self):
        return "Is it a true story? Films explained, without spoilers."

    subtitle = description  # Atom's name for it

    def link(self):
        return absolute_url(reverse("articles:article_list"))

    def feed_url(self):
        return absolute_url(reverse(self.url_name))

    url_name = "articles:feed_rss"

    def items(self):
        return _live().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, revision):
        return revision.title

    def item_description(self, revision):
        return revision.standfirst

    def item_link(self, revision):
        return absolute_url(revision.get_absolute_url())

    def item_guid(self, revision):
        # One article, one id for life (a tag URI): a new revision or a new
        # slug is an update of the same item, not a new one.
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2026:article:{revision.article_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, revision):
        return revision.published_at

    def item_updateddate(self, revision):
        return revision.modified_at

    def item_author_name(self, revision):
        return revision.author.name

    def item_author_link(self, revision):
        return absolute_url(revision.author.get_absolute_url())

    def item_categories(self, revision):
        return [revision.film.title]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    url_name = "articles:feed_atom"


class FilmFeed(ArticleFeed):
    url_name = "articles:film_feed_rss"

    def get_object(self, request, slug):
        return get_object_or_404(Film, slug=slug)

    def title(self, film):
        return f"{settings.SITE_NAME}: {film.title} ({film.year})"

    def description(self, film):
        return f"Spoiler-safe articles about {film.title} ({film.year}, {film.country})."

    subtitle = description

    def link(self, film):
        return absolute_url(film.get_absolute_url())

    def feed_url(self, film):
        return absolute_url(reverse(self.url_name, kwargs={"slug": film.slug}))

    def items(self, film):
        return _live().filter(film=film).order_by("-published_at", "-pk")[:FEED_SIZE]


class AtomFilmFeed(FilmFeed):
    feed_type = Atom1Feed
    url_name = "articles:film_feed_atom"
