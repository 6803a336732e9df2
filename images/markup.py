"""Printing images: <picture> with WebP and JPEG/PNG srcsets, width and height.

``render_picture`` prints frozen picture data (see ``Image.picture_data``);
``responsive_images`` upgrades the <img> tags of already-sanitized Markdown
HTML that point at our uploads. Both compute URLs with the default storage,
so the markup follows wherever STORAGES puts media.
"""

import html
import re

from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
# The article column is 46rem wide at most (48rem page less padding).
CONTENT_SIZES = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"
DECORATIVE_MARKER = "decorative"

# Sanitized HTML (nh3 output) quotes every attribute with " and escapes " inside.
_IMG = re.compile(r'<img\s(?:[^>"]|"[^"]*")*>')
_ALONE_IN_PARAGRAPH = re.compile(r'<p>\s*(<img\s(?:[^>"]|"[^"]*")*>)\s*</p>')
_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
_KEY_IN_URL = re.compile(r"(?:^|/)images/([0-9a-f]{32})/")


def _srcset(renditions, fmt):
    chosen = sorted((r for r in renditions if r["format"] == fmt), key=lambda r: r["width"])
    return ", ".join(f"{default_storage.url(r['name'])} {r['width']}w" for r in chosen), chosen


def render_picture(
    data: dict, *, sizes: str = CONTENT_SIZES, priority: bool = False, css_class: str = ""
) -> SafeString:
    """A <picture>: WebP first, the JPEG/PNG fallback in <img> with width and height.

    ``priority`` is for the one image that is the page's largest paint (the
    hero): fetched early, never lazily. Every other image loads lazily.
    """
    renditions = data.get("renditions") or []
    webp, _ = _srcset(renditions, "webp")
    fallback_format = next((r["format"] for r in renditions if r["format"] != "webp"), None)
    if fallback_format is None:
        return mark_safe("")
    fallback, chosen = _srcset(renditions, fallback_format)
    largest = chosen[-1]
    loading = (
        mark_safe(' fetchpriority="high"')
        if priority
        else mark_safe(' loading="lazy" decoding="async"')
    )
    source = (
        format_html('<source type="image/webp" srcset="{}" sizes="{}">', webp, sizes)
        if webp
        else ""
    )
    return format_html(
        '<picture{}>{}<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}>'
        "</picture>",
        format_html(' class="{}"', css_class) if css_class else "",
        source,
        default_storage.url(largest["name"]),
        fallback,
        sizes,
        largest["width"],
        largest["height"],
        data.get("alt", ""),
        loading,
    )


def render_figure(data: dict, *, sizes=CONTENT_SIZES, priority=False, css_class="figure"):
    """The picture in a <figure>, with its caption and credit when it has them."""
    caption, credit = data.get("caption", ""), data.get("credit", "")
    parts = []
    if caption:
        parts.append(format_html("{}", caption))
    if credit:
        parts.append(format_html('<span class="figure__credit">{}</span>', credit))
    joined = format_html_join(" ", "{}", ((part,) for part in parts))
    figcaption = format_html("<figcaption>{}</figcaption>", joined) if parts else ""
    return format_html(
        '<figure class="{}">{}{}</figure>',
        css_class,
        render_picture(data, sizes=sizes, priority=priority),
        figcaption,
    )


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in _ATTRIBUTE.findall(tag)}


def image_key(src: str) -> str | None:
    """The upload key in one of our image URLs, or None for anything else."""
    match = _KEY_IN_URL.search(src.split("?", 1)[0])
    return match.group(1) if match else None


def _known_images(sanitized_html: str) -> dict:
    from .models import Image

    keys = {image_key(_attributes(tag).get("src", "")) for tag in _IMG.findall(sanitized_html)}
    keys.discard(None)
    if not keys:
        return {}
    return {image.key: image for image in Image.objects.filter(key__in=keys)}


def _inline_data(tag: str, images: dict) -> dict | None:
    attributes = _attributes(tag)
    image = images.get(image_key(attributes.get("src", "")) or "")
    if image is None:
        return None
    alt = attributes.get("alt", "").strip()
    if alt.lower() == DECORATIVE_MARKER:
        alt = ""
    # The Markdown title ("![alt](url "Caption")") is the caption; the credit is the image's.
    return image.picture_data(alt=alt, caption=attributes.get("title", "").strip())


def responsive_images(sanitized_html: str) -> str:
    """Upgrade <img> tags that point at our uploads to responsive markup.

    Runs after the sanitizer, so it only ever adds markup it builds itself
    from the database's own values. An image alone in a paragraph becomes a
    <figure> (with the Markdown title as its caption); one inside a line of
    text becomes a <picture>. Other images get lazy loading only.
    """
    images = _known_images(sanitized_html)

    def figure(match):
        data = _inline_data(match.group(1), images)
        return str(render_figure(data)) if data else match.group(0)

    def inline(match):
        tag = match.group(0)
        data = _inline_data(tag, images)
        if data:
            return str(render_picture(data))
        if "loading=" not in tag:
            return tag[:-1].rstrip("/ ") + ' loading="lazy" decoding="async">'
        return tag

    upgraded = _ALONE_IN_PARAGRAPH.sub(figure, sanitized_html)
    # Only <img> outside the pictures made above: those carry srcset already.
    pieces = re.split(r"(<picture\b.*?</picture>)", upgraded, flags=re.S)
    return "".join(
        piece if piece.startswith("<picture") else _IMG.sub(inline, piece) for piece in pieces
    )


def image_problems(sanitized_html: str) -> list[str]:
    """What an editor must fix about the images in some Markdown, in plain words."""
    images = _known_images(sanitized_html)
    problems = []
    for tag in _IMG.findall(sanitized_html):
        attributes = _attributes(tag)
        src = attributes.get("src", "")
        if (image_key(src) or "") not in images:
            problems.append(
                f"The image {src} was not uploaded here. Drag the file into the editor "
                "to upload it (the site only shows its own images)."
            )
        elif not attributes.get("alt", "").strip():
            problems.append(
                f"The image {src} has no alt text. Write what it shows between the square "
                "brackets: ![Memo and Ova in the prison yard](…), or ![decorative](…) if "
                "it adds nothing a reader would miss."
            )
    return problems
