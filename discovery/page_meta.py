"""What a page tells search engines and social cards about itself.

Views build a ``PageMeta`` and put it in the context as ``seo``; it is the one
source of the page's <title>, meta description and robots directive (printed
by base.html) and of its canonical link, Open Graph and Twitter tags and
JSON-LD (``templates/includes/seo_head.html``). Every value comes from spoiler-free
fields: titles, standfirsts, meta descriptions, film facts.

Absolute addresses use ``settings.SITE_URL`` rather than the request's host,
so a page has one canonical address however it was reached, and feeds and
sitemaps (which may have no request at hand) agree with the pages.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import dateformat, timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator

from filmsite.links import absolute_url

from . import structured_data
from .social import SocialImage, article_image, film_image, image_url


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
    robots: str = ""  # e.g. "noindex, nofollow" for previews
    graph: list[dict] = field(default_factory=list)

    @property
    def url(self) -> str:
        return absolute_url(self.path)

    @property
    def is_indexable(self) -> bool:
        """Only pages search engines may index get a canonical link, social tags and JSON-LD."""
        return not self.robots

    @property
    def social_title(self) -> str:
        return self.headline or self.title

    @property
    def published_iso(self) -> str:
        return _iso(self.published)

    @property
    def modified_iso(self) -> str:
        return _iso(self.modified)

    @property
    def breadcrumb_trail(self) -> list[tuple[str, str]]:
        """(name, url) from Home down to this page: the JSON-LD BreadcrumbList, shown."""
        for node in self.graph:
            if node.get("@type") == "BreadcrumbList":
                return [(item["name"], item["item"]) for item in node["itemListElement"]]
        return []

    @cached_property
    def json_ld(self) -> str:
        # Cached: the template both tests and prints it.
        return structured_data.to_json(self.graph) if self.graph else ""


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat() if moment else ""


def home_meta(request) -> PageMeta:
    meta = PageMeta(
        title=settings.SITE_NAME,
        description=settings.SITE_DESCRIPTION,
        path=request.path,
    )
    meta.graph = structured_data.page_graph(
        url=meta.url, name=meta.title, description=meta.description, crumbs=[]
    )
    return meta


def article_list_meta(request, before: str = "", first_shown=None) -> PageMeta:
    """The list of all articles, from its start or from the cursor ``before``.

    ``first_shown`` is the first-publication date of the first article listed,
    so each later page has a title of its own.
    """
    title = "All articles"
    if before and first_shown:
        title += f" published up to {dateformat.format(timezone.localtime(first_shown), 'M j, Y')}"
    meta = PageMeta(
        title=f"{title}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=f"Every spoiler-safe film explainer on {settings.SITE_NAME}, newest first.",
        # Only the cursor is part of the address: ?utm_… is not a new page.
        path=request.path + (f"?before={before}" if before else ""),
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
        published=revision.public_dates[0],
        modified=revision.modified_at,
        author_url=absolute_url(revision.author.get_absolute_url()),
    )
    meta.graph = structured_data.article_graph(
        revision,
        url=meta.url,
        image=meta.image,
        movies=_movie_nodes(revision, image_url(film_image(revision.film))),
    )
    return meta


def preview_meta(revision) -> PageMeta:
    """A revision staff see before readers do: its title, and never indexed."""
    return PageMeta(
        title=f"Preview: {revision.title}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=revision.meta_description,
        path=revision.get_absolute_url(),
        robots="noindex, nofollow",
    )


def _movie_nodes(revision, image):
    """The film's JSON-LD. Built with the article page, which is built once
    per change of what it shows (articles.views), so it is not cached apart.
    The cast is prefetched onto the film object the facts box reads too."""
    film = revision.film
    prefetch_related_objects([film], "cast")
    return structured_data.movie_nodes(film, image=image)


def film_meta(film) -> PageMeta:
    meta = PageMeta(
        title=f"{film.title} ({film.year}){TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=Truncator(film.synopsis).chars(160),
        path=film.get_absolute_url(),
        headline=f"{film.title} ({film.year})",
        image=image_url(film_image(film)),
        picture=film_image(film),
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


def collection_meta(
    *, path: str, name: str, description: str, before: str, first_shown, items, parent=None
) -> PageMeta:
    """A verdict hub or a topic: one page of a paged list of explainers (and films).

    ``items`` are the (title, path) listed; ``parent`` an optional (name, path)
    crumb between Home and the page (the topics index for a topic).
    """
    headline = name
    if before and first_shown:
        headline += (
            f", published up to {dateformat.format(timezone.localtime(first_shown), 'M j, Y')}"
        )
    meta = PageMeta(
        title=f"{headline}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=Truncator(description).chars(160),
        path=path + (f"?before={before}" if before else ""),
        headline=headline,
    )
    crumbs = [(parent[0], absolute_url(parent[1]))] if parent else []
    meta.graph = structured_data.collection_graph(
        url=meta.url,
        name=headline,
        description=meta.description,
        crumbs=[*crumbs, (name, absolute_url(path))],
        items=[(title, absolute_url(item)) for title, item in items],
    )
    return meta


def site_page_meta(*, path: str, title: str, description: str) -> PageMeta:
    """About, Contact, the corrections policy: a plain WebPage under Home."""
    meta = PageMeta(
        title=f"{title}{TITLE_SEPARATOR}{settings.SITE_NAME}",
        description=description,
        path=path,
        headline=title,
    )
    meta.graph = structured_data.page_graph(
        url=meta.url, name=title, description=description, crumbs=[(title, meta.url)]
    )
    return meta


# The en dash between a page's title and the site's name.
TITLE_SEPARATOR = " \u2013 "
