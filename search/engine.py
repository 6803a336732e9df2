"""Site search: what a reader's query finds, in what order, on which page.

The backend (SQLite FTS5 or PostgreSQL) finds and ranks documents; the rest
is decided here, once, for both:

1. every term must match (as a word prefix, stemmed); a term that matches
   nothing anywhere is corrected to the closest title or name word;
   failing that, documents matching any term are shown, and the page says so;
2. only each article's live revision is kept (by the backend's query: of
   an article's due documents, the highest revision number);
3. a query that is a film's title or original title (exactly, or every
   word as a prefix) puts the explainers of that film first, then the
   film's own page (see ``film_title_first``);
4. results are paged, and each hit gets a highlighted, spoiler-free excerpt.

A hit's title, film, verdict, date and link were stored in its document
when it was indexed, so a page costs one search query and one primary-key
lookup, then string work.
"""

import math
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.safestring import SafeString

from . import highlight
from .backends import Candidate, get_backend
from .models import SearchDocument
from .query import Query, parse

PAGE_SIZE = 20
# Ranking stops here: beyond this many matches a reader refines the query
# rather than paging, and it keeps a common word as cheap as a rare one.
MAX_RESULTS = 1000


@dataclass(frozen=True)
class Hit:
    kind: str
    url: str
    title_html: SafeString
    excerpt_html: SafeString
    film_label: str = ""
    film_url: str = ""
    verdict_label: str = ""
    updated: datetime | None = None


@dataclass(frozen=True)
class Results:
    """Everything the results page shows; plain data, so it can be cached."""

    query: Query
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    more_than_total: bool = False  # the count stopped at MAX_RESULTS
    page: int = 1
    pages: int = 0
    corrected: str = ""  # the query as corrected, when a term was misspelt
    any_term: bool = False  # no page has every term; these have some

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1


def typo_distance(a: str, b: str) -> float:
    """Edits from ``a`` to ``b``; two swapped neighbours, the commonest typo, count half.

    Optimal string alignment distance (Levenshtein plus transpositions).
    """
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 0.5)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


def closest_word(term: str, candidates: list[str]) -> str | None:
    """The candidate fewest typos away, if it is close enough to be what was meant."""
    allowed = 1 if len(term) < 7 else 2
    scored = [(typo_distance(term, word), word) for word in candidates if word != term]
    best = min(scored, default=None)
    return best[1] if best and best[0] <= allowed else None


def correct(terms: tuple[str, ...], backend) -> tuple[str, ...]:
    """``terms`` with each term that matches nothing replaced by the closest known word."""
    corrected = []
    for term in terms:
        if len(term) >= 4 and not term.isdigit() and not backend.has_match(term):
            term = closest_word(term, backend.similar_words(term, limit=40)) or term
        corrected.append(term)
    return tuple(corrected)


def _names_film(titles_key: str, terms) -> bool:
    """Whether every term starts a word of the film's title or original title."""
    words = titles_key.split()
    return all(any(word.startswith(term) for word in words) for term in terms)


def film_title_first(candidates: list[Candidate], query: Query) -> list[Candidate]:
    """Readers who type a film's title want its explainer, then the film's page.

    An exact title (or original title) comes first; a query whose every
    word starts a word of the title ("miracle in cel 7") next; the backend's
    order is kept within each tier (the sort is stable).
    """

    def tier(candidate):
        article = candidate.kind == SearchDocument.Kind.ARTICLE
        if query.phrase in candidate.film_titles_key.split("\n"):
            return 0 if article else 1
        if _names_film(candidate.film_titles_key, query.terms):
            return 2 if article else 3
        return 4

    return sorted(candidates, key=tier)


def _page_number(page, pages: int) -> int:
    try:
        number = int(page)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(pages, 1))


def _hits(candidates: list[Candidate], terms, backend) -> list[Hit]:
    """The page's hits, from what their documents stored at index time: no joins."""
    shown = backend.shown([c.id for c in candidates])
    hits = []
    for candidate in candidates:
        doc = shown.get(candidate.id)
        if doc is None:  # reindexed between the two queries; gone from results
            continue
        hits.append(
            Hit(
                kind=doc.kind,
                url=doc.url,
                title_html=highlight.highlight(doc.title, terms),
                excerpt_html=highlight.excerpt([doc.summary, doc.body], terms),
                film_label=doc.film_label,
                film_url=doc.film_url,
                verdict_label=doc.verdict_label,
                updated=doc.updated_at,
            )
        )
    return hits


def search(raw: str | None, *, page=1, now: datetime | None = None) -> Results:
    query = parse(raw)
    if query.problem:
        return Results(query=query)
    backend = get_backend()
    now = now or timezone.now()

    def match(terms, any_term=False):
        return backend.match(terms, now=now, any_term=any_term, limit=MAX_RESULTS + 1)

    candidates, corrected, any_term = match(query.terms), "", False
    if not candidates:
        fixed = correct(query.terms, backend)
        if fixed != query.terms and (candidates := match(fixed)):
            query, corrected = query.with_terms(fixed), " ".join(fixed)
    if not candidates and len(query.terms) > 1:
        candidates = match(query.terms, any_term=True)
        any_term = bool(candidates)
    more = len(candidates) > MAX_RESULTS
    candidates = film_title_first(candidates[:MAX_RESULTS], query)
    pages = math.ceil(len(candidates) / PAGE_SIZE)
    number = _page_number(page, pages)
    on_page = candidates[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    return Results(
        query=query,
        hits=_hits(on_page, query.terms, backend),
        total=len(candidates),
        more_than_total=more,
        page=number,
        pages=pages,
        corrected=corrected,
        any_term=any_term,
    )
