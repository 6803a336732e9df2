"""What a page contributes to the index: spoiler-free text only.

An article's document is built from its frozen revision (title, standfirst,
verdict explanation, the text of non-spoiler sections, FAQ questions and the
answers that are not spoilers) plus its film's names. A spoiler section or
answer is skipped whole, so its words can never match, rank or be quoted.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from articles.models import Verdict
from films.models import Credit, Film

from .models import SearchDocument
from .text import html_to_text, key


@dataclass
class FilmFacts:
    """The searchable facts of a film, loaded in bulk (see ``film_facts``)."""

    pk: int
    title: str
    original_title: str
    director: str
    synopsis: str
    year: int
    slug: str
    cast: list[tuple[str, str]] = field(default_factory=list)  # (actor, character)

    @property
    def names(self) -> list[str]:
        """Title, original title, director, and the cast with their characters."""
        names = [self.title, self.original_title, self.director]
        for actor, character in self.cast:
            names += [actor, character]
        return [name for name in names if name]

    @property
    def label(self) -> str:
        return film_label(self.title, self.year)

    @property
    def url(self) -> str:
        return film_url(self.slug)

    @property
    def titles_key(self) -> str:
        return "\n".join(key(title) for title in (self.title, self.original_title) if title)


def film_facts(films) -> dict[int, FilmFacts]:
    """``FilmFacts`` by film id for a queryset of films, in two queries."""
    facts = {
        pk: FilmFacts(pk, *values)
        for pk, *values in films.values_list(
            "pk", "title", "original_title", "director", "synopsis", "year", "slug"
        ).order_by()
    }
    credits = Credit.objects.filter(film__in=films.order_by().values("pk")).order_by(
        "film_id", "sort_order", "pk"
    )
    for film_id, actor, character in credits.values_list("film_id", "actor", "character"):
        if film_id in facts:
            facts[film_id].cast.append((actor, character))
    return facts


def facts_of(film: Film) -> FilmFacts:
    return film_facts(Film.objects.filter(pk=film.pk))[film.pk]


# What a result shows, from plain values (also used by migration 0003).


def film_label(title: str, year) -> str:
    return f"{title} ({year})"


def film_url(slug: str) -> str:
    return reverse("articles:film", kwargs={"slug": slug})


def article_url(slug: str) -> str:
    return reverse("articles:article", kwargs={"slug": slug})


def verdict_label(verdict: str) -> str:
    return Verdict(verdict).label if verdict in Verdict.values else ""


def film_page_title(title: str, original_title: str) -> str:
    return title + (f" ({original_title})" if original_title else "")


def _join(parts) -> str:
    return "\n".join(part for part in parts if part)


def for_revision(
    *,
    pk: int,
    article_id: int,
    number: int,
    go_live_at,
    title: str,
    slug: str,
    standfirst: str,
    content: dict,
    film: FilmFacts,
    updated_at=None,
) -> SearchDocument:
    """The document of an approved revision, from its columns and its film's facts.

    ``updated_at`` is readers' Updated date once this revision is live.
    """
    questions = content.get("questions", [])
    summary = _join(
        [
            standfirst,
            html_to_text(content.get("verdict_html", "")),
            *(question["question"] for question in questions),
        ]
    )
    body = _join(
        [
            *(
                f"{section['heading']}. {html_to_text(section['html'])}"
                for section in content.get("sections", [])
                if not section.get("is_spoiler")
            ),
            *(
                html_to_text(question["answer_html"])
                for question in questions
                if not question.get("is_spoiler")
            ),
        ]
    )
    return SearchDocument(
        kind=SearchDocument.Kind.ARTICLE,
        article_id=article_id,
        revision_id=pk,
        revision_number=number,
        film_id=film.pk,
        go_live_at=go_live_at,
        title=title,
        url=article_url(slug),
        film_label=film.label,
        film_url=film.url,
        verdict_label=verdict_label(content.get("verdict", "")),
        updated_at=updated_at,
        summary=summary,
        body=body,
        title_key=key(title),
        names_key=key(" ".join(film.names)),
        summary_key=key(summary),
        body_key=key(body),
        film_titles_key=film.titles_key,
    )


# The columns ``for_revision`` reads, for ``Revision.objects.values_list``.
# The film comes last (index.py reads it as ``row[-1]``).
REVISION_FIELDS = (
    "pk",
    "article_id",
    "number",
    "go_live_at",
    "title",
    "slug",
    "standfirst",
    "content",
    "film_id",
)


def for_revision_row(row: tuple, films: dict[int, FilmFacts], updated: dict) -> SearchDocument:
    """``updated``: readers' Updated date by revision id (see index.updated_dates)."""
    pk, article_id, number, go_live_at, title, slug, standfirst, content, film_id = row
    return for_revision(
        pk=pk,
        article_id=article_id,
        number=number,
        go_live_at=go_live_at,
        title=title,
        slug=slug,
        standfirst=standfirst,
        content=content,
        film=films[film_id],
        updated_at=updated.get(pk),
    )


def for_film(film: FilmFacts) -> SearchDocument:
    """The document of a film's own page."""
    cast = ", ".join(f"{actor} ({character})" for actor, character in film.cast)
    facts = _join(
        [
            f"Directed by {film.director}." if film.director else "",
            f"Cast: {cast}." if cast else "",
        ]
    )
    return SearchDocument(
        kind=SearchDocument.Kind.FILM,
        film_id=film.pk,
        title=film_page_title(film.title, film.original_title),
        url=film.url,
        film_label=film.label,
        film_url=film.url,
        summary=film.synopsis,
        body=facts,
        title_key=key(f"{film.title} {film.original_title}"),
        names_key=key(" ".join(film.names)),
        summary_key=key(film.synopsis),
        film_titles_key=film.titles_key,
    )
