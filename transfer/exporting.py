"""Writing articles out as Markdown files, one per article, pictures beside them.

By default what readers see (each article's live revision, as approved);
``working_copies=True`` writes the editors' current working copies instead.
The files are the format ``import_articles`` reads, so a site can leave with
everything and come back (see tests/transfer/test_round_trip.py).
"""

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage
from markdownify import markdownify

from articles.models import Article, Revision
from films.models import Film
from images.markup import image_key
from images.models import Image

from . import markdown_files
from .images import MARKDOWN_IMAGE
from .records import ArticleRecord, AuthorRef, FilmRef, ImageRef, QuestionRecord, SectionRecord

IMAGE_FOLDER = "images"


@dataclass
class Pictures:
    """The pictures the exported files point at, by key."""

    by_key: dict[str, Image] = field(default_factory=dict)

    def path_for(self, key: str) -> str | None:
        image = self.by_key.get(key) or Image.objects.filter(key=key).first()
        if image is None:
            return None
        self.by_key[key] = image
        return f"{IMAGE_FOLDER}/{key}{PurePosixPath(image.file.name).suffix}"

    def relink(self, markdown: str) -> str:
        """Our /media/images/… addresses as paths to the exported files."""

        def replace(match):
            key = image_key(match.group("src"))
            path = key and self.path_for(key)
            if not path:
                return match.group(0)
            start, end = match.start("src") - match.start(), match.end("src") - match.start()
            return match.group(0)[:start] + path + match.group(0)[end:]

        return MARKDOWN_IMAGE.sub(replace, markdown or "")

    def copy_to(self, folder: Path) -> int:
        (folder / IMAGE_FOLDER).mkdir(parents=True, exist_ok=True)
        for key, image in self.by_key.items():
            target = folder / IMAGE_FOLDER / f"{key}{PurePosixPath(image.file.name).suffix}"
            if not target.exists():
                with default_storage.open(image.file.name) as source:
                    target.write_bytes(source.read())
        return len(self.by_key)


def _film_ref(film: Film) -> FilmRef:
    facts = {
        name: getattr(film, name)
        for name in markdown_files.FILM_FACTS
        if getattr(film, name) not in ("", None)
    }
    return FilmRef(
        slug=film.slug,
        title=film.title,
        year=film.year,
        facts=facts,
        based_on=film.adaptation_of.slug if film.adaptation_of_id else "",
        cast=[
            {"actor": c.actor, "character": c.character}
            | ({"note": c.character_note} if c.character_note else {})
            for c in film.cast.all()
        ],
        where_to_watch=[
            {
                name: getattr(where, name)
                for name in ("country", "service", "audio", "subtitles", "url")
                if getattr(where, name)
            }
            for where in film.availability.all()
        ],
        ratings=[
            {
                name: value
                for name, value in (
                    ("source", rating.source),
                    ("label", rating.label),
                    ("value", f"{rating.value.normalize():f}"),
                    ("best", f"{rating.best.normalize():f}"),
                    ("as_of", rating.as_of),
                    ("url", rating.url),
                )
                if value
            }
            for rating in film.ratings.all()
        ],
    )


def _author_ref(author) -> AuthorRef:
    return AuthorRef(slug=author.slug, name=author.name, bio=author.bio)


def _source(frozen: dict, markdown_key: str, html_key: str) -> str:
    # Revisions frozen before their Markdown was kept carry only HTML.
    if markdown_key in frozen:
        return frozen[markdown_key]
    return markdownify(frozen.get(html_key, ""), heading_style="ATX", bullets="-").strip()


def _dates(live: Revision | None):
    if live is None:
        return None, None
    return live.published_at, (live.updated_at if live.has_later_update else None)


def from_revision(revision: Revision, pictures: Pictures) -> ArticleRecord:
    """The record of a live revision (loaded through ``Revision.objects.live()``)."""
    content = revision.content
    hero = content.get("hero")
    hero_ref = None
    if hero and (path := pictures.path_for(hero["key"])):
        hero_ref = ImageRef(
            source=path,
            alt=hero.get("alt", ""),
            decorative=not hero.get("alt"),
            caption=hero.get("caption", ""),
            credit=hero.get("credit", ""),
        )
    published, updated = _dates(revision)
    return ArticleRecord(
        title=revision.title,
        slug=revision.slug,
        film=_film_ref(revision.film),
        author=_author_ref(revision.author),
        standfirst=revision.standfirst,
        meta_description=revision.meta_description,
        verdict=content.get("verdict", ""),
        verdict_explanation=pictures.relink(_source(content, "verdict_markdown", "verdict_html")),
        disclaimer=pictures.relink(_source(content, "disclaimer_markdown", "disclaimer_html")),
        hero_image=hero_ref,
        published=published,
        updated=updated,
        sections=[
            SectionRecord(
                heading=section["heading"],
                body=pictures.relink(_source(section, "markdown", "html")),
                is_spoiler=section.get("is_spoiler", False),
                spoiler_warning=section.get("spoiler_warning", ""),
            )
            for section in revision.sections
        ],
        questions=[
            QuestionRecord(
                question=question["question"],
                answer=pictures.relink(_source(question, "answer_markdown", "answer_html")),
                is_spoiler=question.get("is_spoiler", False),
            )
            for question in revision.questions
        ],
    )


def from_working_copy(article: Article, live: Revision | None, pictures: Pictures):
    hero_ref = None
    if article.hero_image_id and (path := pictures.path_for(article.hero_image.key)):
        image = article.hero_image
        hero_ref = ImageRef(
            source=path,
            alt=image.alt,
            decorative=image.is_decorative,
            caption=image.caption,
            credit=image.credit,
        )
    published, updated = _dates(live)
    return ArticleRecord(
        title=article.title,
        slug=article.slug,
        film=_film_ref(article.film),
        author=_author_ref(article.author),
        standfirst=article.standfirst,
        meta_description=article.meta_description,
        verdict=article.verdict,
        verdict_explanation=pictures.relink(article.verdict_explanation),
        disclaimer=pictures.relink(article.disclaimer),
        hero_image=hero_ref,
        published=published,
        updated=updated,
        sections=[
            SectionRecord(s.heading, pictures.relink(s.body), s.is_spoiler, s.spoiler_warning)
            for s in article.sections.order_by("sort_order", "pk")
        ],
        questions=[
            QuestionRecord(q.question, pictures.relink(q.answer), q.is_spoiler)
            for q in article.questions.order_by("sort_order", "pk")
        ],
    )


_FILM_RELATED = ("film__adaptation_of", "author")
_FILM_PREFETCH = ("film__cast", "film__availability", "film__ratings")


def records(*, working_copies: bool = False):
    """(slug, record, pictures) for every article to export, oldest first."""
    live = Revision.objects.live().select_related(*_FILM_RELATED).prefetch_related(*_FILM_PREFETCH)
    if not working_copies:
        for revision in live.order_by("article_id"):
            pictures = Pictures()
            yield revision.slug, from_revision(revision, pictures), pictures
        return
    live_by_article = {revision.article_id: revision for revision in live}
    articles = (
        Article.objects.select_related(*_FILM_RELATED, "hero_image")
        .prefetch_related(*_FILM_PREFETCH)
        .order_by("pk")
    )
    for article in articles:
        pictures = Pictures()
        yield (
            article.slug,
            from_working_copy(article, live_by_article.get(article.pk), pictures),
            pictures,
        )


def export(folder: Path, *, working_copies: bool = False) -> tuple[int, int]:
    """Write every article into ``folder``; (articles, pictures) written."""
    folder.mkdir(parents=True, exist_ok=True)
    written, keys = 0, set()
    for slug, record, pictures in records(working_copies=working_copies):
        (folder / f"{slug}.md").write_text(markdown_files.write(record), encoding="utf-8")
        pictures.copy_to(folder)
        keys |= set(pictures.by_key)
        written += 1
    return written, len(keys)
