"""What views and the workflow tell the page cache.

Views mark a response as a public page with the tags it was built from
(``cacheable(response, tags)``); whoever changes what a page shows touches
those tags (``touch(...)``), after its transaction commits, so no worker can
cache a page built from data about to be rolled back.

Tags, and which pages carry them:

- ``site``: every public page (site-wide settings);
- ``listings``: every page that lists articles (home, all articles, film and
  author pages, feeds, sitemaps), touched whenever an article goes live,
  changes or leaves, and when a film or author shown in a card changes;
- ``article:<id>``, ``film:<id>``, ``author:<id>``, ``image:<id>``: the pages
  that show that article, film (facts box, film page, other versions),
  author or uploaded image (a poster; pictures in articles are frozen into
  their revision);
- ``topics``: the topics index and the sitemaps, touched by every topic edit;
  ``topic:<id>``: the topic's page and the article pages that link to it;
- ``site-pages``: the sitemaps, touched when a site page is published;
  ``sitepage:<id>``: that site page.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .clock import get_clock

SITE = "site"
LISTINGS = "listings"
TOPICS = "topics"
SITE_PAGES = "site-pages"


def article_tag(article_id) -> str:
    return f"article:{article_id}"


def film_tag(film_id) -> str:
    return f"film:{film_id}"


def author_tag(author_id) -> str:
    return f"author:{author_id}"


def topic_tag(topic_id) -> str:
    return f"topic:{topic_id}"


def image_tag(image_id) -> str:
    return f"image:{image_id}"


def cacheable(response, tags):
    """Mark ``response`` as a public page built from ``tags`` (``site`` is implied)."""
    response.page_cache_tags = (SITE, *tags)
    return response


def touch(*tags: str) -> None:
    """Make every page carrying one of ``tags`` fresh: now, and again after the commit.

    The touch after the commit is the one that counts (a page built from the
    old rows while the transaction was open must not survive it); the one
    now makes the change visible to code still inside the transaction.
    """
    if tags:
        get_clock().touch(tags)
        transaction.on_commit(lambda: get_clock().touch(tags))


def stamp(tags) -> int:
    """The version of a page built from ``tags`` now (see clock.py)."""
    return get_clock().stamp((SITE, *tags))


@cache
def build_id() -> str:
    """What this deploy renders pages with: its templates and static files' names.

    Part of every cache key and of every stored page, so a page built by an
    earlier deploy (older markup, static files under other hashed names) is
    never served by this one, even from a cache the deploys share.
    """
    digest = hashlib.blake2b(digest_size=8)
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    for path in sorted(p for folder in folders for p in folder.rglob("*.html")):
        digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()
