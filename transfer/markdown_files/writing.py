"""An article written back out in the format the importer reads."""

import frontmatter
import yaml

from ..records import ArticleRecord, FilmRef
from .body import demote_headings


class _Dumper(yaml.SafeDumper):
    """Readable YAML: multi-line texts as literal blocks, keys in the order given."""


def _represent_text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _marker(is_spoiler: bool, warning: str = "") -> str:
    if not is_spoiler:
        return ""
    if not warning:
        return " {.spoiler}"
    quote = "'" if '"' in warning else '"'
    return f" {{.spoiler warning={quote}{warning}{quote}}}"


def _film_front_matter(film: FilmRef) -> dict:
    out = {"slug": film.slug, "title": film.title, "year": film.year}
    out.update({key: value for key, value in film.facts.items() if value not in ("", None)})
    if film.based_on:
        out["based_on"] = film.based_on
    if film.where_to_watch:
        out["where_to_watch"] = film.where_to_watch
    if film.ratings:
        out["ratings"] = film.ratings
    return out


def write(record: ArticleRecord) -> str:
    """The text of a Markdown file that ``parse`` reads back into ``record``."""
    meta = {
        "title": record.title,
        "slug": record.slug,
        "film": _film_front_matter(record.film),
        "author": {
            key: value
            for key, value in (
                ("slug", record.author.slug),
                ("name", record.author.name),
                ("bio", record.author.bio),
            )
            if value
        },
    }
    if record.published:
        meta["published"] = record.published
    if record.updated:
        meta["updated"] = record.updated
    meta.update(
        {
            "verdict": record.verdict,
            "verdict_explanation": record.verdict_explanation,
            "standfirst": record.standfirst,
            "meta_description": record.meta_description,
        }
    )
    if record.disclaimer:
        meta["disclaimer"] = record.disclaimer
    if record.hero_image:
        hero = record.hero_image
        meta["hero_image"] = {"path": hero.source}
        if hero.decorative:
            meta["hero_image"]["decorative"] = True
        else:
            meta["hero_image"]["alt"] = hero.alt
        for key in ("caption", "credit"):
            if getattr(hero, key):
                meta["hero_image"][key] = getattr(hero, key)
    if record.film.cast:
        meta["cast"] = record.film.cast
    parts = []
    for section in record.sections:
        parts.append(f"## {section.heading}{_marker(section.is_spoiler, section.spoiler_warning)}")
        parts.append(demote_headings(section.body.strip("\n"), 3))
    if record.questions:
        parts.append("## FAQs")
        for question in record.questions:
            parts.append(f"### {question.question}{_marker(question.is_spoiler)}")
            parts.append(demote_headings(question.answer.strip("\n"), 4))
    post = frontmatter.Post("\n\n".join(parts), **meta)
    return frontmatter.dumps(post, Dumper=_Dumper, sort_keys=False, width=100) + "\n"
