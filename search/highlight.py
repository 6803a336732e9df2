"""Excerpts and highlighting, the same for both backends.

Text is compared folded (search.text.fold), as the index compares it. A
word counts as found when it starts with a searched term ("Cell" for
"cel"), or with the term less a plural s ("remake" for "remakes"); it is a
reader's cue, not the ranking, so a simple rule does. Everything is escaped
first; only our own <mark> tags are markup.
"""

import re
from functools import lru_cache
from html import escape  # Django's escape is this, behind a lazy-string wrapper

from django.utils.safestring import SafeString, mark_safe

from .text import fold

EXCERPT_CHARS = 220
LEAD_CHARS = 40
_LETTER = r"[^\W_]"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` folded, and where each folded character came from (None: same place)."""
    if text.isascii():
        return text.lower(), None
    parts, origin = [], []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        parts.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return "".join(parts), origin


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    def stem(term):
        return term[:-1] if len(term) > 4 and term.endswith("s") else term

    alternatives = "|".join(f"(?P<t{i}>{re.escape(stem(t))})" for i, t in enumerate(terms))
    return re.compile(rf"(?<!{_LETTER})(?:{alternatives}){_LETTER}*")


def _matches(text: str, terms: tuple[str, ...]):
    """(start, end, term index) of every found word, in ``text``'s own offsets."""
    if not terms or not text:
        return []
    folded, origin = _folded(text)
    found = []
    for match in _pattern(terms).finditer(folded):
        start, end = match.span()
        if origin is not None:
            start, end = origin[start], origin[end - 1] + 1
        found.append((start, end, int(match.lastgroup[1:])))
    return found


def _marked(text: str, matches, start: int, end: int) -> str:
    out, at = [], start
    for word_start, word_end, _ in matches:
        if word_start < start or word_end > end:
            continue
        out += [escape(text[at:word_start]), "<mark>", escape(text[word_start:word_end]), "</mark>"]
        at = word_end
    out.append(escape(text[at:end]))
    return "".join(out)


def highlight(text: str, terms) -> SafeString:
    """All of ``text``, escaped, with the searched words in <mark>."""
    return mark_safe(_marked(text, _matches(text, tuple(terms)), 0, len(text)))


def _best_window(matches) -> tuple[int, int]:
    """(score, start) of the stretch of about EXCERPT_CHARS with the most distinct terms."""
    best = (0, 0)
    for i, (start, _, _) in enumerate(matches):
        terms = {term for s, _, term in matches[i:] if s < start + EXCERPT_CHARS - LEAD_CHARS}
        if len(terms) > best[0]:
            best = (len(terms), start)
    return best


def _word_boundary_before(text: str, at: int) -> int:
    space = text.rfind(" ", 0, at)
    return 0 if space < 0 else space + 1


def _word_boundary_after(text: str, at: int) -> int:
    space = text.find(" ", at)
    return len(text) if space < 0 else space


def excerpt(texts, terms, *, size: int = EXCERPT_CHARS) -> SafeString:
    """About ``size`` characters of the text that has the most searched terms.

    ``texts`` are tried in order (summary before body) and the first with
    every term wins; with no match at all, the start of the first text is shown.
    """
    terms = tuple(terms)
    chosen = None  # (score, text, matches, start)
    for text in texts:
        matches = _matches(text, terms)
        score, start = _best_window(matches)
        if chosen is None or score > chosen[0]:
            chosen = (score, text, matches, start)
        if score == len(terms):
            break
    if chosen is None or chosen[0] == 0:
        text = next((text for text in texts if text), "")
        chosen = (0, text, [], 0)
    _, text, matches, at = chosen
    start = _word_boundary_before(text, max(0, at - LEAD_CHARS)) if at > LEAD_CHARS else 0
    end = _word_boundary_after(text, start + size) if start + size < len(text) else len(text)
    html = _marked(text, matches, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html.strip()}{suffix}")
