"""What the reader typed, made safe: a few folded words, or a reason to search nothing.

Nothing a reader types reaches a database as query syntax. Quotes,
asterisks, ``NEAR(``, ``OR`` and minus signs are punctuation or ordinary
words here; each backend quotes the words itself.
"""

from dataclasses import dataclass, field

from . import text

MAX_CHARS = 200  # a film title with its cast fits easily
MAX_WORDS = 8
MAX_WORD_CHARS = 40


@dataclass(frozen=True)
class Query:
    raw: str
    words: tuple[str, ...] = ()  # folded, as typed (stopwords kept)
    notice: str = ""  # what we did to the query, for the results page
    problem: str = ""  # why nothing was searched
    terms: tuple[str, ...] = field(default=())  # the words that narrow the search

    @property
    def phrase(self) -> str:
        """The folded query, to compare with a film's folded title."""
        return " ".join(self.words)

    def with_terms(self, terms) -> "Query":
        return Query(self.raw, self.words, self.notice, self.problem, tuple(terms))


def parse(raw: str | None) -> Query:
    raw = (raw or "").strip()
    if not raw:
        return Query(raw, problem="Type a film, an actor, a character or a question to search.")
    notice = ""
    if len(raw) > MAX_CHARS:
        notice = f"Your search was long, so only its first {MAX_CHARS} characters were used."
    found = [word[:MAX_WORD_CHARS] for word in text.words(raw[:MAX_CHARS])]
    if not found:
        return Query(
            raw,
            problem="Your search has no letters or numbers in it. "
            "Try a film's title, an actor or a character.",
        )
    if len(found) > MAX_WORDS:
        notice = f"Only the first {MAX_WORDS} words of your search were used."
        found = found[:MAX_WORDS]
    # Common words narrow nothing; a query of only common words ("The Who")
    # keeps them, or it would search for nothing at all.
    terms = [word for word in found if word not in text.STOPWORDS] or found
    return Query(raw, tuple(found), notice, "", tuple(dict.fromkeys(terms)))
