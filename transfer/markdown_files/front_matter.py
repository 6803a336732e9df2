"""An article file's front matter: read safely, every field checked, with line numbers."""

from datetime import date, datetime, time
from pathlib import Path

import frontmatter
import yaml
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.models import Verdict

from ..records import ArticleRecord, AuthorRef, FilmRef, ImageRef, ImportProblem
from .body import parse_body

# Real explainers are a few dozen kilobytes; anything this big is a mistake.
MAX_MARKDOWN_BYTES = 2 * 1024 * 1024

ARTICLE_FIELDS = {
    "title", "slug", "film", "author", "published", "updated", "verdict",
    "verdict_explanation", "standfirst", "meta_description", "hero_image", "cast",
    "disclaimer",
}  # fmt: skip
FILM_FIELDS = {
    "slug", "title", "year", "original_title", "country", "original_language", "director",
    "genre", "runtime_minutes", "synopsis", "based_on", "where_to_watch", "ratings",
}  # fmt: skip
FILM_FACTS = [
    "original_title", "country", "original_language", "director", "genre",
    "runtime_minutes", "synopsis",
]  # fmt: skip
AUTHOR_FIELDS = {"slug", "name", "bio"}
IMAGE_FIELDS = {"path", "alt", "decorative", "caption", "credit"}
CAST_FIELDS = {"actor", "character", "note"}
WATCH_FIELDS = {"country", "service", "audio", "subtitles", "url"}
RATING_FIELDS = {"source", "label", "value", "best", "as_of", "url"}


def read_text(path: Path, *, max_bytes: int = MAX_MARKDOWN_BYTES) -> str:
    """The file's text, refusing oversized and non-UTF-8 files with a readable reason."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportProblem(
            f"the file is {size / 1024 / 1024:.1f} MB; one article may be at most "
            f"{max_bytes / 1024 / 1024:.0f} MB"
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02X}); "
            "save it as UTF-8 and import it again",
            line,
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader (its C version when built with libyaml: an import reads
    thousands of files)."""


# Dates stay text until parse_when reads them, so a bad one is reported with its field.
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _reaches_a_seen_node(root, seen: set[int]) -> bool:
    """Whether ``root`` leads to a node already in ``seen``, i.e. through an alias (*name).

    An article needs no aliases, and they are how a small YAML file expands
    into a huge one. Each node is visited once, so this is linear however
    the aliases nest.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return False


def _front_matter(text: str) -> tuple[dict, dict[str, int], str, int]:
    """(front matter, line of each key, body, line the body starts on)."""
    boundary = frontmatter.YAMLHandler.FM_BOUNDARY
    opening = boundary.match(text)
    closing = opening and boundary.search(text, opening.end())
    if not opening or not closing:
        raise ImportProblem(
            "no front matter: the file must start with a line “---”, the article's "
            "fields, and another line “---”",
            1,
        )
    fm = text[opening.end() : closing.start()]
    first_line = text[: opening.end()].count("\n") + 1
    loader = _Loader(fm)
    try:
        node = loader.get_single_node()
        if node is not None and isinstance(node, yaml.MappingNode):
            seen: set[int] = set()
            for key_node, value_node in node.value:
                if _reaches_a_seen_node(value_node, seen):
                    raise ImportProblem(
                        "malformed front matter: YAML aliases (*name) are not accepted",
                        first_line + key_node.start_mark.line,
                    )
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ImportProblem(f"malformed front matter: {problem}", line) from None
    except (ValueError, TypeError) as error:  # a value YAML itself cannot build
        raise ImportProblem(f"malformed front matter: {error}", first_line) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ImportProblem("malformed front matter: it must be a list of “field: value”", 2)
    lines = {}
    if node is not None:
        for key_node, _ in node.value:
            lines[str(key_node.value)] = first_line + key_node.start_mark.line
    # The body's first (usually empty) line is the rest of the closing "---" line.
    body_line = text[: closing.end()].count("\n") + 1
    return data, lines, text[closing.end() :], body_line


def _check_keys(mapping: dict, allowed: set[str], what: str, line: int | None):
    unknown = sorted(str(key) for key in mapping if key not in allowed)
    if unknown:
        raise ImportProblem(
            f"unknown {what} field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(known: {', '.join(sorted(allowed))})",
            line,
        )


def _text(data: dict, key: str, line: int | None, *, required=False, what="") -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise ImportProblem(f"“{what or key}” is missing", line)
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ImportProblem(f"“{what or key}” must be text", line)
    text = str(value).strip()
    if required and not text:
        raise ImportProblem(f"“{what or key}” is empty", line)
    return text


def parse_when(value, line: int | None, what: str) -> datetime | None:
    """A front-matter date or date and time, as an aware datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            parsed = parse_datetime(value.strip())
            if parsed is None and (day := parse_date(value.strip())) is not None:
                parsed = datetime.combine(day, time())
        except ValueError:
            parsed = None
        if parsed is None:
            raise ImportProblem(
                f"“{what}” is not a valid date: {value!r} (write 2024-03-01 or "
                "2024-03-01T09:30:00Z)",
                line,
            )
    else:
        raise ImportProblem(f"“{what}” is not a valid date: {value!r}", line)
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def parse_verdict(value, line) -> str:
    if value is True:  # YAML 1.1 reads an unquoted yes/no as a boolean
        return Verdict.YES.value
    if value is False:
        return Verdict.NO.value
    text = str(value or "").strip().lower()
    for choice in Verdict:
        if text in {choice.value, choice.label.lower()}:
            return choice.value
    raise ImportProblem(
        f"“verdict” must be one of {', '.join(Verdict.values)}, not {value!r}", line
    )


def _list_of_mappings(value, allowed, what, line) -> list[dict]:
    if value is None:
        return []
    if isinstance(value, dict) and what == "cast":  # {actor: character}
        value = [{"actor": actor, "character": role} for actor, role in value.items()]
    if not isinstance(value, list):
        raise ImportProblem(f"“{what}” must be a list", line)
    items = []
    for item in value:
        if not isinstance(item, dict):
            raise ImportProblem(f"each entry of “{what}” must be a list of “field: value”", line)
        _check_keys(item, allowed, what, line)
        items.append(
            {
                key: (
                    val if isinstance(val, date) else _text(item, key, line, what=f"{what} {key}")
                )
                for key, val in item.items()
            }
        )
    return items


def _film(value, line) -> FilmRef:
    if isinstance(value, str) and value.strip():
        return FilmRef(slug=value.strip(), line=line)
    if not isinstance(value, dict):
        raise ImportProblem("“film” must be a film's slug, or its title and year", line)
    _check_keys(value, FILM_FIELDS, "film", line)
    year = value.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ImportProblem(f"the film's “year” must be a number, not {year!r}", line)
    film = FilmRef(
        slug=_text(value, "slug", line, what="film slug"),
        title=_text(value, "title", line, what="film title"),
        year=year,
        based_on=_text(value, "based_on", line, what="film based_on"),
        where_to_watch=_list_of_mappings(
            value.get("where_to_watch"), WATCH_FIELDS, "where_to_watch", line
        ),
        ratings=_list_of_mappings(value.get("ratings"), RATING_FIELDS, "ratings", line),
        line=line,
    )
    for key in FILM_FACTS:
        if key == "runtime_minutes":
            if value.get(key) is not None:
                film.facts[key] = value[key]
        elif key in value:
            film.facts[key] = _text(value, key, line, what=f"film {key}")
    if not film.slug and not (film.title and film.year):
        raise ImportProblem("“film” needs a slug, or a title and a year", line)
    return film


def _author(value, line) -> AuthorRef:
    if isinstance(value, str) and value.strip():
        return AuthorRef(slug=value.strip(), line=line)
    if not isinstance(value, dict):
        raise ImportProblem("“author” must be an author's slug, or their name and slug", line)
    _check_keys(value, AUTHOR_FIELDS, "author", line)
    author = AuthorRef(
        slug=_text(value, "slug", line, what="author slug"),
        name=_text(value, "name", line, what="author name"),
        bio=_text(value, "bio", line, what="author bio"),
        line=line,
    )
    if not author.slug and not author.name:
        raise ImportProblem("“author” needs a slug or a name", line)
    return author


def _hero(value, line) -> ImageRef | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ImportProblem("“hero_image” must have a path and alt text", line)
    _check_keys(value, IMAGE_FIELDS, "hero_image", line)
    decorative = value.get("decorative", False) is True
    hero = ImageRef(
        source=_text(value, "path", line, required=True, what="hero_image path"),
        alt=_text(value, "alt", line, what="hero_image alt"),
        decorative=decorative,
        caption=_text(value, "caption", line, what="hero_image caption"),
        credit=_text(value, "credit", line, what="hero_image credit"),
        line=line,
    )
    if not hero.alt and not hero.decorative:
        raise ImportProblem(
            "the hero image has no alt text: add “alt: what the picture shows” (or "
            "“decorative: true” if it adds nothing a reader would miss)",
            line,
        )
    if hero.alt and hero.decorative:
        raise ImportProblem("a decorative hero image has no alt text: remove one of them", line)
    return hero


def parse(text: str) -> ArticleRecord:
    """An article from the text of a Markdown file; ImportProblem says what is wrong."""
    data, lines, body, body_line = _front_matter(text)
    _check_keys(data, ARTICLE_FIELDS, "front-matter", 2)

    def line(key):
        return lines.get(key, 2)

    def required(key):
        return _text(data, key, line(key), required=True)

    if "film" not in data:
        raise ImportProblem("“film” is missing", 2)
    if "author" not in data:
        raise ImportProblem("“author” is missing", 2)
    film = _film(data["film"], line("film"))
    film.cast = _list_of_mappings(data.get("cast"), CAST_FIELDS, "cast", line("cast"))
    for credit in film.cast:
        if not credit.get("actor") or not credit.get("character"):
            raise ImportProblem("each cast line needs an actor and a character", line("cast"))
    if "verdict" not in data:
        raise ImportProblem("“verdict” is missing", 2)
    record = ArticleRecord(
        title=required("title"),
        slug=required("slug"),
        film=film,
        author=_author(data["author"], line("author")),
        standfirst=required("standfirst"),
        meta_description=required("meta_description"),
        verdict=parse_verdict(data.get("verdict"), line("verdict")),
        verdict_explanation=required("verdict_explanation"),
        disclaimer=_text(data, "disclaimer", line("disclaimer")),
        hero_image=_hero(data.get("hero_image"), line("hero_image")),
        published=parse_when(data.get("published"), line("published"), "published"),
        updated=parse_when(data.get("updated"), line("updated"), "updated"),
        lines=lines,
    )
    if record.updated and not record.published:
        raise ImportProblem("“updated” is given without “published”", line("updated"))
    if record.updated and record.updated < record.published:
        raise ImportProblem("“updated” is earlier than “published”", line("updated"))
    if record.published and record.published > timezone.now():
        raise ImportProblem("“published” is in the future", line("published"))
    if record.updated and record.updated > timezone.now():
        raise ImportProblem("“updated” is in the future", line("updated"))
    record.sections, record.questions = parse_body(body, body_line)
    return record
