"""JSON-LD for the public pages: one ``@graph`` per page, nodes linked by ``@id``.

Built as Python dicts and serialized with ``json.dumps``; templates never
write JSON by hand. Every value comes from spoiler-free fields: an article's
title, meta description and dates, its film's facts, and only the FAQ
questions whose answers are not spoilers. Third-party ratings are quoted on
the page with their source and date, and are deliberately left out here:
they are not our ratings, and must never appear as an ``aggregateRating``.
There is no ``ClaimReview`` either: a verdict on "is it a true story" is an
explanation, not a fact check.
"""

import json

from django.conf import settings
from django.urls import reverse

from faq.structured_data import faq_page
from filmsite.links import absolute_url

from .social import film_image, image_url


def _site() -> str:
    return settings.SITE_URL + "/"


def organization_id() -> str:
    return _site() + "#organization"


def website_id() -> str:
    return _site() + "#website"


def _abs(path: str) -> str:
    return absolute_url(path)


def _iso(moment) -> str | None:
    return moment.replace(microsecond=0).isoformat() if moment else None


def _compact(node: dict) -> dict:
    """Drop empty values, so a missing fact is absent rather than blank."""
    return {key: value for key, value in node.items() if value not in (None, "", [], {})}


def site_nodes() -> list[dict]:
    return [
        {
            "@type": "Organization",
            "@id": organization_id(),
            "name": settings.SITE_NAME,
            "url": _site(),
            # The site pages at their fixed addresses (sitepages.models.Kind).
            # How articles are written and checked: the editorial standards.
            "publishingPrinciples": _abs(reverse("sitepages:page", args=["editorial-standards"])),
            "correctionsPolicy": _abs(reverse("sitepages:page", args=["corrections-policy"])),
        },
        {
            "@type": "WebSite",
            "@id": website_id(),
            "url": _site(),
            "name": settings.SITE_NAME,
            "inLanguage": "en",
            "publisher": {"@id": organization_id()},
        },
    ]


def breadcrumbs(url: str, crumbs: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from Home down to the page; ``crumbs`` are (name, url)."""
    trail = [("Home", _site()), *crumbs]
    return {
        "@type": "BreadcrumbList",
        "@id": url + "#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(trail, start=1)
        ],
    }


def page_graph(
    *,
    url: str,
    name: str,
    description: str,
    crumbs: list[tuple[str, str]],
    page_type: str = "WebPage",
    extra: dict | None = None,
    nodes: list[dict] = (),
) -> list[dict]:
    """Organization, WebSite, the WebPage with its breadcrumbs, and ``nodes``."""
    page = _compact(
        {
            "@type": page_type,
            "@id": url + "#webpage",
            "url": url,
            "name": name,
            "description": description,
            "inLanguage": "en",
            "isPartOf": {"@id": website_id()},
            "breadcrumb": {"@id": url + "#breadcrumb"},
            **(extra or {}),
        }
    )
    return [*site_nodes(), page, breadcrumbs(url, crumbs), *nodes]


def person_id(author) -> str:
    return _abs(author.get_absolute_url()) + "#person"


def person(author) -> dict:
    return _compact(
        {
            "@type": "Person",
            "@id": person_id(author),
            "name": author.name,
            "url": _abs(author.get_absolute_url()),
            "description": author.bio,
        }
    )


def movie_id(film) -> str:
    return _abs(film.get_absolute_url()) + "#movie"


def movie(film, *, image: str | None = None, with_cast: bool = True) -> dict:
    """The film as a schema.org Movie; a remake points at its original."""
    node = {
        "@type": "Movie",
        "@id": movie_id(film),
        "name": film.title,
        "alternateName": film.original_title if film.original_title != film.title else "",
        "url": _abs(film.get_absolute_url()),
        "dateCreated": str(film.year),
        "countryOfOrigin": {"@type": "Country", "name": film.country} if film.country else None,
        "inLanguage": film.original_language,
        "genre": film.genre,
        "duration": f"PT{film.runtime_minutes}M" if film.runtime_minutes else None,
        "director": {"@type": "Person", "name": film.director} if film.director else None,
        "image": image,
    }
    if with_cast:
        node["actor"] = [{"@type": "Person", "name": credit.actor} for credit in film.cast.all()]
    if film.adaptation_of_id:
        node["isBasedOn"] = {"@id": movie_id(film.adaptation_of)}
    return _compact(node)


def movie_nodes(film, *, image: str | None = None) -> list[dict]:
    """The film, and its original when it is a remake (so ``isBasedOn`` resolves)."""
    nodes = [movie(film, image=image)]
    if film.adaptation_of_id:
        nodes.append(movie(film.adaptation_of, with_cast=False))
    return nodes


def article_graph(
    revision, *, url: str, image: str | None = None, movies: list[dict] | None = None
) -> list[dict]:
    """The article page; ``movies`` is ``movie_nodes(revision.film)`` when cached."""
    film, author = revision.film, revision.author
    if movies is None:
        movies = movie_nodes(film, image=image)
    article = _compact(
        {
            "@type": "Article",
            "@id": url + "#article",
            "headline": revision.title[:110],
            "description": revision.meta_description,
            "url": url,
            "datePublished": _iso(getattr(revision, "published_at", None)),
            "dateModified": _iso(revision.modified_at),
            "author": {"@id": person_id(author)},
            "publisher": {"@id": organization_id()},
            "mainEntityOfPage": {"@id": url + "#webpage"},
            "isPartOf": {"@id": url + "#webpage"},
            "image": image,
            "about": {"@id": movie_id(film)},
            "inLanguage": "en",
        }
    )
    nodes = [article, person(author), *movies]
    if faq := faq_page(url, revision.questions):
        nodes.append(faq)
    return page_graph(
        url=url,
        name=revision.title,
        description=revision.meta_description,
        crumbs=[
            ("All articles", _abs(reverse("articles:article_list"))),
            (revision.title, url),
        ],
        extra={
            "datePublished": article.get("datePublished"),
            "dateModified": article.get("dateModified"),
            "primaryImageOfPage": image,
            "about": {"@id": movie_id(film)},
            "mainEntity": {"@id": url + "#article"},
        },
        nodes=nodes,
    )


def film_graph(film, *, url: str, description: str) -> list[dict]:
    return page_graph(
        url=url,
        name=f"{film.title} ({film.year})",
        description=description,
        crumbs=[(f"{film.title} ({film.year})", url)],
        extra={"about": {"@id": movie_id(film)}, "mainEntity": {"@id": movie_id(film)}},
        nodes=movie_nodes(film, image=image_url(film_image(film))),
    )


def author_graph(author, *, url: str, description: str) -> list[dict]:
    return page_graph(
        url=url,
        name=author.name,
        description=description,
        crumbs=[(author.name, url)],
        page_type="ProfilePage",
        extra={"mainEntity": {"@id": person_id(author)}},
        nodes=[person(author)],
    )


def collection_graph(
    *, url: str, name: str, description: str, crumbs, items: list[tuple[str, str]]
) -> list[dict]:
    """A CollectionPage (a verdict hub, a topic) whose main entity is the ItemList shown.

    ``items`` are (name, absolute url) of what the page lists, in its order:
    spoiler-free titles only.
    """
    return page_graph(
        url=url,
        name=name,
        description=description,
        crumbs=crumbs,
        page_type="CollectionPage",
        extra={"mainEntity": {"@id": url + "#items"}},
        nodes=[
            {
                "@type": "ItemList",
                "@id": url + "#items",
                "numberOfItems": len(items),
                "itemListElement": [
                    {"@type": "ListItem", "position": position, "name": title, "url": item}
                    for position, (title, item) in enumerate(items, start=1)
                ],
            }
        ],
    )


# JSON inside <script> must not be able to close the element or open a comment.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json(graph: list[dict]) -> str:
    """The page's JSON-LD document, safe to place inside a <script> element."""
    document = {"@context": "https://schema.org", "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=None).translate(_SCRIPT_SAFE)
