"""The image for social cards (og:image) and JSON-LD, from frozen picture data."""

from dataclasses import dataclass

from django.core.files.storage import default_storage

from filmsite.links import absolute_url

from .markup import MIME_TYPES


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
