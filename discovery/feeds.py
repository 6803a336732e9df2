"""RSS and Atom feeds: every article, and the articles about one film.

Items carry spoiler-free fields only: the title and the standfirst (the
answer up front), read from each article's stored card (articles.cards), so
a feed is one indexed query and no revision is decoded. Dates follow
DESIGN.md: an item's published date is the article's first go-live and its
updated date is ``Publication.modified_at`` (the "Updated" rule), so a typo
fix never resurfaces an item; the feed's own
updated date is the newest of those. Links are absolute from SITE_URL, as on
the pages' canonical links.

Text is plain text: feed readers render RSS ``<description>`` and Atom
``summary type="html"`` as HTML, so the standfirst is escaped for HTML here
and then for XML by the feed generator. Titles and names go in elements
that readers treat as text. Control characters that reached the database
without the forms (an import, an old row) are dropped, since XML 1.0 cannot
carry them and one would otherwise make the whole feed fail.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from articles import cards
from articles.models import Publication
from films.models import Film
from filmsite.links import absolute_url
from filmsite.text import strip_control_characters

FEED_SIZE = 30


def _clean(value):
    if isinstance(value, list | tuple):
        return [strip_control_characters(item) for item in value]
    return strip_control_characters(value)


class _PlainXml:
    """Feed generator mixin: no control character reaches the XML writer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(_clean, args), **{k: _clean(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_clean, args), **{k: _clean(v) for k, v in kwargs.items()})


class RssFeed(_PlainXml, Rss201rev2Feed):
    pass


class AtomFeed(_PlainXml, Atom1Feed):
    pass


def _live():
    return Publication.objects.live().cards().newest_first()


class ArticleFeed(Feed):
    feed_type = RssFeed
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

    url_name = "discovery:feed_rss"

    def items(self):
        return cards.ensure(_live()[:FEED_SIZE])

    # Items are live ``Publication`` rows; their fields come from the stored card.

    def item_title(self, publication):
        return publication.card["title"]

    def item_description(self, publication):
        # Plain text into an HTML field: escaped once here, once more as XML.
        return escape(publication.card["standfirst"])

    def item_link(self, publication):
        return absolute_url(publication.card["path"])

    def item_guid(self, publication):
        # One article, one id for life (a tag URI): a new revision or a new
        # slug is an update of the same item, not a new one.
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2026:article:{publication.article_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, publication):
        return publication.published_at

    def item_updateddate(self, publication):
        return publication.modified_at

    def item_author_name(self, publication):
        return publication.card["author"]

    def item_author_link(self, publication):
        return absolute_url(publication.card["author_path"])

    def item_categories(self, publication):
        return [publication.card["film_title"]]


class AtomArticleFeed(ArticleFeed):
    feed_type = AtomFeed
    url_name = "discovery:feed_atom"


class FilmFeed(ArticleFeed):
    url_name = "discovery:film_feed_rss"

    def get_object(self, request, slug):
        return get_object_or_404(Film, slug=slug)

    def title(self, film):
        return f"{settings.SITE_NAME}: {film.title} ({film.year})"

    def description(self, film):
        # Readers render a channel's description as HTML too: plain text, escaped.
        return escape(f"Spoiler-safe articles about {film.title} ({film.year}, {film.country}).")

    subtitle = description

    def link(self, film):
        return absolute_url(film.get_absolute_url())

    def feed_url(self, film):
        return absolute_url(reverse(self.url_name, kwargs={"slug": film.slug}))

    def items(self, film):
        return cards.ensure(_live().filter(film=film)[:FEED_SIZE])


class AtomFilmFeed(FilmFeed):
    feed_type = AtomFeed
    url_name = "discovery:film_feed_atom"
