"""The picture that stands for a page on social cards (og:image) and in JSON-LD."""

from dataclasses import dataclass

from django.core.files.storage import default_storage

from filmsite.links import absolute_url
from images.markup import MIME_TYPES


@dataclass(frozen=True)
class SocialImage:
    url: str  # absolute
    width: int
    height: int
    alt: str
    mime_type: str


def social_image(data: dict | None) -> SocialImage | None:
    """The largest JPEG/PNG rendition: the format every social network reads."""
    if not data:
        return None
    fallbacks = [r for r in data.get("renditions", []) if r["format"] != "webp"]
    if not fallbacks:
        return None
    largest = max(fallbacks, key=lambda r: r["width"])
    return SocialImage(
        url=absolute_url(default_storage.url(largest["name"])),
        width=largest["width"],
        height=largest["height"],
        alt=data.get("alt", ""),
        mime_type=MIME_TYPES[largest["format"]],
    )


def image_url(image: SocialImage | None) -> str | None:
    return image.url if image else None


def film_image(film) -> SocialImage | None:
    """The film's poster, or None."""
    return social_image(film.poster.picture_data()) if film.poster_id else None


def article_image(revision) -> SocialImage | None:
    """The revision's frozen hero image, else its film's poster, else None.

    Never a picture from a section: those may be spoilers.
    """
    return social_image(revision.hero) or film_image(revision.film)
