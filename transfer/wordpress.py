"""Reading a WordPress export (WXR) into ``ArticleRecord``s.

The XML is parsed with defusedxml and any DTD is refused, so neither entity
expansion (“billion laughs”) nor external entities can happen: WordPress
never writes a DTD. Post HTML becomes Markdown with markdownify, split into
sections at each ``<h2>``; spoiler shortcodes and ``<details>`` blocks
become spoiler sections, Yoast and Rank Math FAQ blocks and FAQPage markup
become the FAQ. The Markdown then goes through the same importer, and so
the same renderer and sanitizer, as any other article.

WordPress has no film, verdict or verdict explanation: they come from the
post's custom fields ``film``, ``verdict`` and ``verdict_explanation``, a
category or tag whose slug is a film's slug, or the command's defaults.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeElementTree
from django.utils.text import Truncator, slugify

from .markdown_files import parse_verdict
from .records import (
    ArticleRecord,
    AuthorRef,
    FilmRef,
    ImportProblem,
)
from .wordpress_html import convert_content

# An export of a few thousand posts is some tens of megabytes; the whole
# tree is held in memory, so larger files need --max-size on purpose.
MAX_EXPORT_BYTES = 32 * 1024 * 1024

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
META_DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc", "rank_math_description")


@dataclass
class Post:
    """One WordPress item, as the export gives it."""

    line: int | None
    post_id: str
    title: str
    slug: str
    status: str
    post_type: str
    creator: str
    content: str
    excerpt: str
    published: datetime | None
    modified: datetime | None
    meta: dict[str, str]
    categories: list[tuple[str, str, str]]  # (domain, slug, name)

    @property
    def label(self) -> str:
        return f"post {self.post_id} “{Truncator(self.title).chars(60)}”"


@dataclass
class Export:
    authors: dict[str, AuthorRef] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)


# The XML ------------------------------------------------------------------


def _item_lines(data: bytes) -> list[int]:
    """The line each <item> starts on, for error messages (ElementTree keeps none)."""
    lines, line, last = [], 1, 0
    for match in re.finditer(rb"<item[\s>]", data):
        line += data.count(b"\n", last, match.start())
        last = match.start()
        lines.append(line)
    return lines


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _gmt(value: str) -> datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def read_export(path: Path, *, max_bytes: int = MAX_EXPORT_BYTES) -> Export:
    """The authors and items of a WXR file; ImportProblem for a file that is refused."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportProblem(
            f"the file is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{max_bytes / 1024 / 1024:.0f} MB (raise it with --max-size if this really is "
            "the export)"
        )
    data = path.read_bytes()
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportProblem(
            "refused: the file declares a DTD or entities (<!DOCTYPE …>), which WordPress "
            "exports never do; that is how XML bombs and external entities get in",
            1,
        ) from None
    except SafeElementTree.ParseError as error:
        raise ImportProblem(f"not well-formed XML ({error.msg})", error.position[0]) from None
    except UnicodeDecodeError:
        raise ImportProblem("the file is not UTF-8 text") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportProblem("not a WordPress export: there is no <rss><channel>", 1)
    export = Export()
    for author in channel.findall("wp:author", NS):
        login = _text(author, "wp:author_login")
        if login:
            export.authors[login] = AuthorRef(
                slug=slugify(login) or "author",
                name=_text(author, "wp:author_display_name") or login,
            )
    lines = _item_lines(data)
    for index, item in enumerate(channel.findall("item")):
        meta = {
            _text(pair, "wp:meta_key"): (pair.find("wp:meta_value", NS).text or "")
            for pair in item.findall("wp:postmeta", NS)
            if pair.find("wp:meta_value", NS) is not None
        }
        published = _gmt(_text(item, "wp:post_date_gmt"))
        export.posts.append(
            Post(
                line=lines[index] if index < len(lines) else None,
                post_id=_text(item, "wp:post_id") or str(index + 1),
                title=html.unescape(_text(item, "title")),
                slug=unquote(_text(item, "wp:post_name")),
                status=_text(item, "wp:status") or "publish",
                post_type=_text(item, "wp:post_type") or "post",
                creator=_text(item, "dc:creator"),
                content=_text(item, "content:encoded"),
                excerpt=_text(item, "excerpt:encoded"),
                published=published,
                modified=_gmt(_text(item, "wp:post_modified_gmt")),
                meta=meta,
                categories=[
                    (c.get("domain", ""), c.get("nicename", ""), html.unescape(c.text or ""))
                    for c in item.findall("category")
                ],
            )
        )
    return export


# Posts into articles ------------------------------------------------------------


@dataclass
class Defaults:
    """What the command supplies where a post has no custom field for it."""

    film: str = ""
    verdict: str = ""
    known_films: set[str] = field(default_factory=set)


def _plain(markup: str) -> str:
    return " ".join(BeautifulSoup(markup, "html.parser").get_text().split())


def to_record(post: Post, export: Export, defaults: Defaults) -> ArticleRecord:
    """The article a published post becomes; ImportProblem names what is missing."""
    excerpt = _plain(post.excerpt)
    sections, questions, lead = convert_content(post.content, take_lead=not excerpt)
    standfirst = excerpt or lead
    film_slug = (
        post.meta.get("film", "").strip()
        or next((slug for _, slug, _ in post.categories if slug in defaults.known_films), "")
        or defaults.film
    )
    verdict = post.meta.get("verdict", "").strip() or defaults.verdict
    explanation = post.meta.get("verdict_explanation", "").strip()
    missing = [
        name
        for name, value in (
            (
                "a film (custom field “film”, a category or tag named after the film's "
                "slug, or --film)",
                film_slug,
            ),
            ("a verdict (custom field “verdict” or --verdict)", verdict),
            ("a verdict explanation (custom field “verdict_explanation”)", explanation),
            ("any text", sections),
            ("a standfirst (the excerpt, or a first paragraph)", standfirst),
        )
        if not value
    ]
    if missing:
        raise ImportProblem(f"{post.label} needs {'; '.join(missing)}", post.line)
    meta_description = next(
        (post.meta[key].strip() for key in META_DESCRIPTION_KEYS if post.meta.get(key, "").strip()),
        "",
    ) or Truncator(standfirst).chars(160)
    author = export.authors.get(post.creator) or AuthorRef(
        slug=slugify(post.creator) or "wordpress", name=post.creator or "WordPress"
    )
    updated = (
        post.modified
        if post.modified and post.published and post.modified > post.published
        else None
    )
    return ArticleRecord(
        title=post.title,
        slug=slugify(post.slug) or slugify(post.title),
        film=FilmRef(slug=film_slug, line=post.line),
        author=AuthorRef(slug=author.slug, name=author.name, line=post.line),
        standfirst=Truncator(standfirst).chars(600),
        meta_description=meta_description,
        verdict=parse_verdict(verdict, post.line),
        verdict_explanation=explanation,
        published=post.published if post.status == "publish" else None,
        updated=updated if post.status == "publish" else None,
        sections=[_at(section, post.line) for section in sections],
        questions=[_at(question, post.line) for question in questions],
    )


def _at(item, line):
    item.line = line
    return item


def taxonomy(post: Post) -> list[str]:
    """The post's category and tag names."""
    return [name for domain, _, name in post.categories if domain in {"category", "post_tag"}]
