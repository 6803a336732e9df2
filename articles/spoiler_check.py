"""The pre-publish spoiler check.

Warns when a field readers see outside a spoiler block repeats a run of
``RUN_LENGTH`` (eight) or more words from a spoiler section or a spoiler FAQ
answer: the usual way an ending leaks is a sentence copied from "Ending
explained" into the standfirst or the meta description.

Words are compared after normalisation: HTML tags and entities removed, case
folded, accents kept, apostrophes dropped ("Memo's" and "Memos" match) and
every other punctuation mark treated as a space, so "Ending: the warden"
matches "ending the warden". Slugs are split on their hyphens.

Editors see the warnings above the article form in the admin (from the
working copy, via snapshot.freeze); the moderators' review screen includes
``admin/includes/spoiler_check.html`` with the ``leaks`` of the
revision under review (``check_revision``).
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags

from .snapshot import freeze

RUN_LENGTH = 8

# Straight and curly apostrophes, backtick and acute accent used as one.
_APOSTROPHES = re.compile("['\u2019\u2018`\u00b4]")
_WORD = re.compile(r"\w+")
_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def words(text: str) -> list[str]:
    """``text`` (plain or HTML) as a list of normalised words."""
    text = html.unescape(strip_tags(text or ""))
    text = _APOSTROPHES.sub("", text.casefold())
    return _WORD.findall(text.replace("_", " "))


def alt_texts(html_text: str) -> list[str]:
    """The alt text of every image in ``html_text``."""
    return [
        html.unescape(next(g for g in m.groups() if g is not None))
        for m in _ALT.finditer(html_text or "")
    ]


@dataclass(frozen=True)
class Leak:
    field: str  # where the words appear, e.g. "Meta description"
    source: str  # the spoiler block they come from, e.g. "spoiler section “Ending explained”"
    excerpt: str  # the repeated words, normalised
    length: int  # how many words in a row

    def __str__(self):
        return f"{self.field} repeats {self.length} words from the {self.source}: “{self.excerpt}”"


def find_leaks(
    *, spoilers: list[tuple[str, str]], public: list[tuple[str, str]], run: int = RUN_LENGTH
) -> list[Leak]:
    """Runs of ``run`` or more words that a public field shares with a spoiler block.

    ``spoilers`` and ``public`` are (label, text or HTML) pairs. Each public
    field reports its longest shared run once per spoiler block.
    """
    shingles = []
    for label, text in spoilers:
        seq = words(text)
        shingles.append((label, {tuple(seq[i : i + run]) for i in range(len(seq) - run + 1)}))
    leaks = []
    for field, text in public:
        seq = words(text)
        for label, grams in shingles:
            best_start, best_len, start = 0, 0, None
            for i in range(len(seq) - run + 1):
                if tuple(seq[i : i + run]) in grams:
                    if start is None:
                        start = i
                    length = i - start + run
                    if length > best_len:
                        best_start, best_len = start, length
                else:
                    start = None
            if best_len:
                excerpt = " ".join(seq[best_start : best_start + best_len])
                leaks.append(Leak(field=field, source=label, excerpt=excerpt, length=best_len))
    return leaks


def leaks_in(*, title: str, slug: str, standfirst: str, meta_description: str, content: dict):
    """The check for frozen field values: a Revision's, or ``snapshot.freeze()``'s."""
    spoilers, public = (
        [],
        [
            ("The title", title),
            ("The slug", slug.replace("-", " ")),
            ("The standfirst", standfirst),
            ("The meta description", meta_description),
            ("The verdict explanation", content.get("verdict_html", "")),
        ],
    )
    public += [
        ("Image alt text in the verdict", alt) for alt in alt_texts(content.get("verdict_html", ""))
    ]
    # Listings and og:image:alt show the hero's texts, outside any fold.
    hero = content.get("hero") or {}
    public += [
        ("The hero image's alt text", hero.get("alt", "")),
        ("The hero image's caption", hero.get("caption", "")),
        ("The hero image's credit", hero.get("credit", "")),
    ]
    for section in content.get("sections", []):
        name = f"section “{section['heading']}”"
        public.append((f"The heading of {name}", section["heading"]))
        if section.get("is_spoiler"):
            spoilers.append((f"spoiler {name}", section["html"]))
        else:
            public.append((f"The text of {name}", section["html"]))
            public += [(f"Image alt text in {name}", alt) for alt in alt_texts(section["html"])]
        public.append((f"The spoiler warning of {name}", section.get("spoiler_warning", "")))
    for number, question in enumerate(content.get("questions", []), start=1):
        name = f"FAQ {number} (“{question['question']}”)"
        public.append((f"The question of {name}", question["question"]))
        if question.get("is_spoiler"):
            spoilers.append((f"spoiler answer to {name}", question["answer_html"]))
        else:
            public.append((f"The answer to {name}", question["answer_html"]))
            public += [
                (f"Image alt text in the answer to {name}", alt)
                for alt in alt_texts(question["answer_html"])
            ]
    return find_leaks(spoilers=spoilers, public=[(f, t) for f, t in public if t])


def check_revision(revision) -> list[Leak]:
    """Leaks in a frozen revision (for the moderators' review screen)."""
    return leaks_in(
        title=revision.title,
        slug=revision.slug,
        standfirst=revision.standfirst,
        meta_description=revision.meta_description,
        content=revision.content,
    )


def check_article(article) -> list[Leak]:
    """Leaks in an article's working copy, as it would be frozen now."""
    frozen = freeze(article)
    return leaks_in(
        title=frozen["title"],
        slug=frozen["slug"],
        standfirst=frozen["standfirst"],
        meta_description=frozen["meta_description"],
        content=frozen["content"],
    )
