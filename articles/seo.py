"""What a page tells search engines and social cards about itself.

Views build a ``PageMeta`` and put it in the context as ``seo``; base.html
renders it (canonical link, Open Graph, Twitter card, robots, JSON-LD) through
``templates/includes/seo_head.html``. Every value comes from spoiler-free
fields: titles, standfirsts, meta descriptions, film facts.

Absolute addresses use ``settings.SITE_URL`` rather than the request's host,
so a page has one canonical address however it was reached, and feeds and
sitemaps (which may have no request at hand) agree with the pages.
"""

from dataclasses import dataclass, field
from datetime import datetime
from hashlib import md5

from django.conf import settings
from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.text import Truncator

from filmsite.links import absolute_url
from images.social import SocialImage

from . import structured_data


def image_url(image) -> str | None:
    """The absolute address of an images.social.SocialImage, or None."""
    return image.url if image else None


def article_image(revision):
    """The picture that stands for an article on social cards and in JSON-LD.

    ``Revision.image`` decides: the frozen hero image, else the film's poster,
    never a picture from a (possibly spoiler) section.
    """
    return revision.image


@dataclass
class PageMeta:
    title: str
    description: str
    path: str
    og_type: str = "website"
    image: str | None = None
    picture: SocialImage | None = None  # size and alt text of ``image``
    published: datetime | None = None
    modified: datetime | None = None
    author_url: str | None = None
    headline: str = ""  # the title without the site's name, for social cards
    graph: list[dict] = field(default_factory=list)

    @property
    def url(self) -> str:
        return absolute_url(self.path)

    @property
    def social_title(self) -> str:
        return self.headline or self.title

    @property
    def published_iso(self) -> str:
        return _iso(self.published)

    @property
    def modified_iso(self) -> str:
        return _iso(self.modified)

    @cached_property
    def json_ld(self) -> str:
        # Cached: the template both tests and prints it.
        return structured_data.to_json(self.graph) if self.graph else ""


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat() if moment else ""


def home_meta(request) -> PageMeta:
    meta = PageMeta(
        title=settings.SITE_NAME,
        description=SITE_DESCRIPTION,
        path=request.path,
    )
    meta.graph = structured_data.page_graph(
        url=meta.url, name=meta.title, description=meta.description, crumbs=[]
    )
    return meta


def article_list_meta(request, page_number: int = 1) -> PageMeta:
    title = "All articles" + (f" (page {page_number})" if page_number > 1 else "")
    meta = PageMeta(
        title=f"{title}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=f"Every spoiler-safe film explainer on {settings.SITE_NAME}, newest first.",
        # Only the page number is part of the address: ?utm_… is not a new page.
        path=request.path + (f"?page={page_number}" if page_number > 1 else ""),
        headline=title,
    )
    meta.graph = structured_data.page_graph(
        url=meta.url,
        name=title,
        description=meta.description,
        page_type="CollectionPage",
        crumbs=[(title, meta.url)],
    )
    return meta


def article_meta(revision) -> PageMeta:
    meta = PageMeta(
        title=f"{revision.title}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=revision.meta_description,
        path=revision.get_absolute_url(),
        og_type="article",
        headline=revision.title,
        image=image_url(article_image(revision)),
        picture=article_image(revision),
        published=getattr(revision, "published_at", None),
        modified=revision.modified_at,
        author_url=absolute_url(revision.author.get_absolute_url()),
    )
    meta.graph = structured_data.article_graph(
        revision,
        url=meta.url,
        image=meta.image,
        movies=_cached_movie_nodes(revision, image_url(revision.film.image)),
    )
    return meta


def _cached_movie_nodes(revision, image):
    """The film's JSON-LD, cached like the article body's film facts box.

    The key follows the film family's last change (the view's
    ``films_changed_at``), so an edited film shows at once. On a miss the
    cast is prefetched onto the same film object the facts box then reads,
    so the page costs no extra query.
    """
    film = revision.film
    changed = getattr(revision, "films_changed_at", None) or film.updated_at
    key = (
        "movie-jsonld:"
        + md5(
            f"{film.pk}:{changed.isoformat()}:{image}:{settings.SITE_URL}".encode(),
            usedforsecurity=False,
        ).hexdigest()
    )
    nodes = cache.get(key)
    if nodes is None:
        prefetch_related_objects([film], "cast")
        nodes = structured_data.movie_nodes(film, image=image)
        cache.set(key, nodes, settings.FRAGMENT_CACHE_SECONDS)
    return nodes


def film_meta(film) -> PageMeta:
    meta = PageMeta(
        title=f"{film.title} ({film.year}){TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=Truncator(film.synopsis).chars(160),
        path=film.get_absolute_url(),
        headline=f"{film.title} ({film.year})",
        image=image_url(film.image),
        picture=film.image,
    )
    meta.graph = structured_data.film_graph(film, url=meta.url, description=meta.description)
    return meta


def author_meta(author) -> PageMeta:
    description = (
        Truncator(author.bio).chars(160)
        if author.bio
        else f"Articles by {author.name} on {settings.SITE_NAME}."
    )
    meta = PageMeta(
        title=f"{author.name}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=description,
        path=author.get_absolute_url(),
        og_type="profile",
        headline=author.name,
    )
    meta.graph = structured_data.author_graph(author, url=meta.url, description=description)
    return meta


# The en dash the page templates put between a page's title and the site's name.
TITLE_SEPARATOR = " \u2013 "
SITE_DESCRIPTION = (
    "Spoiler-safe film explainers: is it a true story, what happens, and how the ending works."
)
