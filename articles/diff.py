"""What changed between two revisions, in a form a moderator can read.

``compare(old, new)`` returns the changed article fields (title, slug,
standfirst, verdict, meta description, film, author…) and a section by
section and question by question account: added, removed, reordered,
spoiler flag switched on or off, and changed text with the words that
changed highlighted (``<del>``/``<ins>``, built with difflib).

Revisions hold sanitized HTML, so texts are compared as the words readers
read; a change only to formatting or links is called out as such.
"""

import difflib
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Revision, Verdict

# How many unchanged paragraphs to show around a change before folding them.
CONTEXT = 1
# How alike a renamed section must be to its old self to count as the same one.
SIMILAR = 0.6

_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dt", "dd"}


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.current = [], []

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS or tag == "br":
            self._flush()
        elif tag in {"td", "th"} and "".join(self.current).strip():
            self.current.append(" | ")

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)


def paragraphs(html: str) -> list[str]:
    """The visible text of ``html``, one string per paragraph or list item."""
    parser = _Paragraphs()
    parser.feed(html or "")
    parser.close()
    parser._flush()
    return parser.paragraphs


_HREF = re.compile(r'<a\b[^>]*\bhref="([^"]*)"', re.I)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str


def links(html: str) -> list[str]:
    """The addresses ``html`` links to, in order."""
    return [unescape(href) for href in _HREF.findall(html or "")]


def pictures(html: str) -> list[Picture]:
    """The pictures in ``html`` (their fallback <img>), in order."""
    found = []
    for tag in _IMG_TAG.findall(html or ""):
        attributes = {k.lower(): unescape(v) for k, v in _ATTR.findall(tag)}
        found.append(Picture(attributes.get("src", ""), attributes.get("alt", "")))
    return found


def _pair_changes(old: list, new: list) -> list[tuple]:
    """(old, new) pairs of what changed: (a, b) replaced, (a, None) removed, (None, b) added."""
    removed = [item for item in old if item not in new]
    added = [item for item in new if item not in old]
    pairs = list(zip(removed, added, strict=False))
    pairs += [(item, None) for item in removed[len(added) :]]
    pairs += [(None, item) for item in added[len(removed) :]]
    return pairs


def _picture_changes(old_html: str, new_html: str) -> list[tuple]:
    old, new = pictures(old_html), pictures(new_html)
    # Same picture with new alt text: pair by address first.
    pairs = []
    for picture in list(new):
        match = next((o for o in old if o.src == picture.src), None)
        if match is not None:
            old.remove(match)
            new.remove(picture)
            if match.alt != picture.alt:
                pairs.append((match, picture))
    return pairs + _pair_changes(old, new)


def _words(text: str) -> list[str]:
    return re.findall(r"\s+|\w+|[^\w\s]", text)


def diff_words(old: str, new: str) -> SafeString:
    """``new`` with the words removed from ``old`` in <del> and the added ones in <ins>."""
    a, b = _words(old), _words(new)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


def diff_paragraphs(old: list[str], new: list[str]) -> SafeString | None:
    """Paragraph-level diff with word-level highlights; None when the texts are equal.

    Unchanged paragraphs far from any change are folded into a one-line note.
    """
    if old == new:
        return None
    rows: list[tuple[str, str]] = []  # (css class, html)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [("same", escape(text)) for text in new[j1:j2]]
        elif op == "replace":
            pairs = list(zip(old[i1:i2], new[j1:j2], strict=False))
            rows += [("changed", diff_words(a, b)) for a, b in pairs]
            rows += [("removed", f"<del>{escape(t)}</del>") for t in old[i1 + len(pairs) : i2]]
            rows += [("added", f"<ins>{escape(t)}</ins>") for t in new[j1 + len(pairs) : j2]]
        elif op == "delete":
            rows += [("removed", f"<del>{escape(t)}</del>") for t in old[i1:i2]]
        else:
            rows += [("added", f"<ins>{escape(t)}</ins>") for t in new[j1:j2]]
    near_change = {
        k
        for i, (kind, _) in enumerate(rows)
        if kind != "same"
        for k in range(i - CONTEXT, i + CONTEXT + 1)
    }
    html, folded = [], 0
    for i, (kind, text) in enumerate(rows):
        if kind == "same" and i not in near_change:
            folded += 1
            continue
        if folded:
            html.append(_folded(folded))
            folded = 0
        html.append(f'<p class="diff-{kind}">{text}</p>')
    if folded:
        html.append(_folded(folded))
    return mark_safe("".join(html))


def _folded(count: int) -> str:
    plural = "paragraph" if count == 1 else "paragraphs"
    return f'<p class="diff-folded">… {count} unchanged {plural} …</p>'


def diff_text(old: str, new: str) -> SafeString | None:
    """Word-level diff of two one-line texts; None when they are equal."""
    return None if old == new else diff_words(old, new)


# Article fields -------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str | None  # None: a first publication, nothing to compare with
    new: str
    diff: SafeString | None = None  # word-level highlights, for texts
    old_picture: Picture | None = None  # for the hero image
    new_picture: Picture | None = None
    link_changes: list[tuple] = field(default_factory=list)
    picture_changes: list[tuple] = field(default_factory=list)
    html: SafeString | None = None  # the new text as readers see it (first publication)

    @property
    def hero_pair(self) -> list[tuple]:
        return [(self.old_picture, self.new_picture)]


def _hero(revision: Revision) -> Picture | None:
    hero = revision.content.get("hero")
    if not hero:
        return None
    from images.markup import render_picture

    return Picture(_src(render_picture(hero, sizes="12rem")), hero.get("alt", ""))


def _src(picture_html: str) -> str:
    found = pictures(picture_html)
    return found[0].src if found else ""


def _hero_changes(old: Revision, new: Revision) -> list[FieldChange]:
    """The hero is frozen with its texts; listings and social cards show them."""
    a, b = old.content.get("hero") or {}, new.content.get("hero") or {}
    changes = []
    if a.get("key") != b.get("key") or a.get("alt") != b.get("alt"):
        old_picture, new_picture = _hero(old), _hero(new)
        changes.append(
            FieldChange(
                "Hero image",
                old_picture.alt if old_picture else "(none)",
                new_picture.alt if new_picture else "(none)",
                old_picture=old_picture,
                new_picture=new_picture,
            )
        )
    for label, key in [("Hero image caption", "caption"), ("Hero image credit", "credit")]:
        if a.get(key, "") != b.get(key, ""):
            changes.append(
                FieldChange(
                    label, a.get(key, ""), b.get(key, ""), diff_text(a.get(key, ""), b.get(key, ""))
                )
            )
    return changes


def _field_changes(old: Revision, new: Revision) -> list[FieldChange]:
    changes = []
    for label, name in [
        ("Title", "title"),
        ("Address (slug)", "slug"),
        ("Standfirst", "standfirst"),
        ("Meta description", "meta_description"),
    ]:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            changes.append(FieldChange(label, a, b, diff_text(a, b)))
    for label, name in [("Film", "film"), ("Author", "author")]:
        if getattr(old, f"{name}_id") != getattr(new, f"{name}_id"):
            changes.append(FieldChange(label, str(getattr(old, name)), str(getattr(new, name))))
    if old.verdict != new.verdict:
        changes.append(FieldChange("Verdict", _verdict(old.verdict), _verdict(new.verdict)))
    for label, key in [("Verdict explanation", "verdict_html"), ("Disclaimer", "disclaimer_html")]:
        a, b = old.content.get(key, ""), new.content.get(key, "")
        if a != b:
            diff = diff_paragraphs(paragraphs(a), paragraphs(b))
            changes.append(
                FieldChange(
                    label,
                    a,
                    b,
                    diff or _FORMATTING_ONLY,
                    link_changes=_pair_changes(links(a), links(b)),
                    picture_changes=_picture_changes(a, b),
                )
            )
    return changes + _hero_changes(old, new)


def first_publication_fields(new: Revision) -> list[FieldChange]:
    """Every article field readers will see, for a first publication's review."""
    hero = _hero(new)
    return [
        FieldChange("Title", None, new.title),
        FieldChange("Address (slug)", None, new.slug),
        FieldChange("Film", None, str(new.film)),
        FieldChange("Author", None, str(new.author)),
        FieldChange("Standfirst", None, new.standfirst),
        FieldChange("Verdict", None, _verdict(new.verdict)),
        FieldChange(
            "Verdict explanation",
            None,
            "",
            html=mark_safe(new.content.get("verdict_html", "")),
        ),
        FieldChange("Meta description", None, new.meta_description),
        FieldChange(
            "Hero image",
            None,
            hero.alt if hero else "(none: listings and social cards use the film's poster)",
            new_picture=hero,
        ),
        FieldChange(
            "Disclaimer",
            None,
            "" if new.content.get("disclaimer_html") else "(the site-wide disclaimer)",
            html=mark_safe(new.content.get("disclaimer_html", "")) or None,
        ),
    ]


_FORMATTING_ONLY = mark_safe('<p class="diff-note">Only formatting or links changed.</p>')


def _verdict(value: str) -> str:
    return Verdict(value).label if value in Verdict.values else value or "—"


# Sections and questions -----------------------------------------------------


@dataclass
class ItemChange:
    """One section or question, compared with its counterpart in the other revision."""

    kind: str  # "added", "removed", "changed" or "unchanged"
    title: str  # the heading or question, as it is now (or was, if removed)
    old_position: int | None = None  # 1-based
    new_position: int | None = None
    moved: bool = False
    title_diff: SafeString | None = None  # when the heading or question was reworded
    body_diff: SafeString | None = None  # word-level diff of the text
    body: list[str] = field(default_factory=list)  # the whole text, for added/removed
    notes: list[str] = field(default_factory=list)  # spoiler flag and warning changes
    link_changes: list[tuple] = field(default_factory=list)  # (old address, new address)
    picture_changes: list[tuple] = field(default_factory=list)  # (old Picture, new Picture)
    html: str = ""  # the item as readers will see it (sanitized when frozen)

    @property
    def is_spoiler_change(self) -> bool:
        return any("spoiler" in note for note in self.notes)


@dataclass
class _Item:
    title: str
    body_html: str
    is_spoiler: bool
    warning: str = ""

    @property
    def text(self) -> list[str]:
        return paragraphs(self.body_html)


def _sections(revision: Revision) -> list[_Item]:
    return [
        _Item(s["heading"], s["html"], s.get("is_spoiler", False), s.get("spoiler_warning", ""))
        for s in revision.sections
    ]


def _questions(revision: Revision) -> list[_Item]:
    return [
        _Item(q["question"], q["answer_html"], q.get("is_spoiler", False))
        for q in revision.questions
    ]


def _match(old: list[_Item], new: list[_Item]) -> dict[int, int]:
    """Pair new items with old ones: same heading first, then by similar wording."""
    pairs: dict[int, int] = {}
    free_old = list(range(len(old)))
    for j, item in enumerate(new):
        i = next((i for i in free_old if old[i].title == item.title), None)
        if i is not None:
            pairs[j] = i
            free_old.remove(i)
    candidates = []
    for j, item in enumerate(new):
        if j in pairs:
            continue
        for i in free_old:
            a = " ".join([old[i].title, *old[i].text])
            b = " ".join([item.title, *item.text])
            ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
            if ratio >= SIMILAR:
                candidates.append((ratio, j, i))
    for _, j, i in sorted(candidates, reverse=True):
        if j not in pairs and i in free_old:
            pairs[j] = i
            free_old.remove(i)
    return pairs


def _in_order(old_positions: list[int]) -> set[int]:
    """Indexes of a longest increasing run of ``old_positions``: the items that kept their order."""
    best: list[list[int]] = []
    for k, value in enumerate(old_positions):
        chain = max((c for c in best if old_positions[c[-1]] < value), key=len, default=[])
        best.append([*chain, k])
    return set(max(best, key=len, default=[]))


def _compare_items(old: list[_Item], new: list[_Item]) -> list[ItemChange]:
    pairs = _match(old, new)
    matched_new = sorted(pairs)
    kept = {matched_new[k] for k in _in_order([pairs[j] for j in matched_new])}
    changes_by_new: list[ItemChange] = []
    for j, item in enumerate(new):
        if j not in pairs:
            changes_by_new.append(
                ItemChange(
                    "added",
                    item.title,
                    new_position=j + 1,
                    body=item.text,
                    notes=["spoiler"] if item.is_spoiler else [],
                    html=item.body_html,
                )
            )
            continue
        before = old[pairs[j]]
        change = ItemChange(
            "unchanged",
            item.title,
            old_position=pairs[j] + 1,
            new_position=j + 1,
            moved=j not in kept,
        )
        if before.title != item.title:
            change.title_diff = diff_words(before.title, item.title)
        if before.body_html != item.body_html:
            change.body_diff = diff_paragraphs(before.text, item.text) or _FORMATTING_ONLY
            change.link_changes = _pair_changes(links(before.body_html), links(item.body_html))
            change.picture_changes = _picture_changes(before.body_html, item.body_html)
        if before.is_spoiler != item.is_spoiler:
            change.notes.append(
                "now marked as a spoiler" if item.is_spoiler else "no longer marked as a spoiler"
            )
        if before.warning != item.warning and item.is_spoiler:
            change.notes.append(
                f"spoiler warning changed from “{before.warning or 'contains spoilers'}” "
                f"to “{item.warning or 'contains spoilers'}”"
            )
        if change.title_diff or change.body_diff or change.notes:
            change.kind = "changed"
        changes_by_new.append(change)
    # Removed items go where they used to be: after the kept item that preceded them.
    result: list[ItemChange] = []
    removed_after: dict[int | None, list[ItemChange]] = {}
    old_to_new = {i: j for j, i in pairs.items()}
    for i, item in enumerate(old):
        if i in old_to_new:
            continue
        anchor = next((old_to_new[k] for k in range(i - 1, -1, -1) if k in old_to_new), None)
        removed_after.setdefault(anchor, []).append(
            ItemChange(
                "removed",
                item.title,
                old_position=i + 1,
                body=item.text,
                notes=["spoiler"] if item.is_spoiler else [],
            )
        )
    result += removed_after.get(None, [])
    for j, change in enumerate(changes_by_new):
        result.append(change)
        result += removed_after.get(j, [])
    return result


@dataclass
class RevisionDiff:
    old: Revision | None
    new: Revision
    fields: list[FieldChange]
    sections: list[ItemChange]
    questions: list[ItemChange]

    @property
    def is_first_publication(self) -> bool:
        return self.old is None

    def reader_fields(self) -> list[FieldChange]:
        """For a first publication: every article field readers will see."""
        return first_publication_fields(self.new)

    @property
    def has_changes(self) -> bool:
        return bool(self.fields) or any(
            c.kind != "unchanged" or c.moved for c in [*self.sections, *self.questions]
        )

    def summary(self) -> dict[str, int]:
        """How many sections and questions were added, removed, changed or moved."""
        counts: dict[str, int] = {}
        for change in [*self.sections, *self.questions]:
            if change.kind != "unchanged":
                counts[change.kind] = counts.get(change.kind, 0) + 1
            if change.moved:
                counts["moved"] = counts.get("moved", 0) + 1
        return counts


def compare(old: Revision | None, new: Revision) -> RevisionDiff:
    """What ``new`` changes compared with ``old`` (None: everything in ``new`` is new)."""
    if old is None:
        return RevisionDiff(
            None, new, [], _compare_items([], _sections(new)), _compare_items([], _questions(new))
        )
    return RevisionDiff(
        old,
        new,
        _field_changes(old, new),
        _compare_items(_sections(old), _sections(new)),
        _compare_items(_questions(old), _questions(new)),
    )
