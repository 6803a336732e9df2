"""Turning text into search keys: the same folding for what is indexed and what is typed.

Both backends index *folded* text and are queried with folded words, so a
reader who types without accents, or with a plain I for the Turkish dotted
İ, finds the same thing as one who types them. Folding is done here, in
Python, rather than by the database, because SQLite's tokenizers and
PostgreSQL's dictionaries disagree on letters such as ı, ø or ł, and the
two backends must give the same results.
"""

import re
import unicodedata
from functools import cache
from html import unescape

# Letters with no Unicode decomposition to a base letter, so stripping
# combining marks does not reach them. The Turkish dotless ı is the one
# readers trip over most ("Iynemli" for "İynemli" is handled by the
# decomposition of İ into I + a combining dot).
_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae",
     "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}
)  # fmt: skip


@cache
def _combining() -> re.Pattern:
    """Combining marks (accents, the dot of İ, cedillas, …) as one character class.

    Every character of general category Mn; none lies below U+0300, and
    past the supplementary planes only the variation selectors remain.
    """
    points = [*range(0x300, 0x20000), *range(0xE0100, 0xE01F0)]
    marks = "".join(chr(c) for c in points if unicodedata.category(chr(c)) == "Mn")
    return re.compile(f"[{re.escape(marks)}]")


# Letters and digits; everything else (punctuation, operators, underscores)
# separates words, so nothing a reader types reaches the database as syntax.
WORD = re.compile(r"[^\W_]+")

# Words too common to narrow a search; PostgreSQL's English configuration
# drops the same ones, so both backends treat them alike.
_STOPWORDS = """a about above after again against all am an and any are as at be because been
    before being below between both but by can did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own s same she should so some such t than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    you your yours yourself yourselves"""
STOPWORDS = frozenset(_STOPWORDS.split())


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, keeping every script's letters.

    Decompose, strip combining marks, then recompose: the recomposition
    matters for Korean, whose syllables decompose into jamo that are not
    marks and must come back together.
    """
    if text.isascii():  # most text, and a hundred times faster
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    stripped = _combining().sub("", decomposed)
    return unicodedata.normalize("NFC", stripped).casefold().translate(_LETTERS)


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order."""
    return WORD.findall(fold(text))


def key(text: str) -> str:
    """``text`` as the index stores it: folded words separated by spaces."""
    return " ".join(words(text))


_TAG = re.compile(r"<[^>]*>")
_INLINE_TAG = re.compile(r"</?(a|em|strong|b|i|code|abbr|sup|sub|span|mark|q|s|small)\b[^>]*>")


def html_to_text(html: str) -> str:
    """Readable plain text from the sanitized HTML frozen in a revision.

    The HTML has been through nh3 (writing/markdown.py): tags are well formed
    and comments and scripts are gone, so removing tags with a pattern is
    exact here, and far faster than a parser at 100,000 articles. Inline tags
    vanish ("<em>in</em>side" stays one word); any other tag separates words.
    """
    return " ".join(unescape(_TAG.sub(" ", _INLINE_TAG.sub("", html))).split())
