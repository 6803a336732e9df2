"""The pre-publish checklist, beside the spoiler check.

Each item is "required" (it blocks submission, with the reason), or
"recommended" (shown, never blocking), or "off". Sites choose with the
``FILMSITE_PREPUBLISH_CHECKLIST`` setting, a dict of item name → level; the
environment variable of the same name overrides single items, e.g.
``hero_image=required,faq=off``.

Items are checked on frozen content (``snapshot.freeze`` output, or a
revision's fields), so the form, the submit page and the review screen all
judge exactly what readers would get.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from .spoiler_check import words

REQUIRED, RECOMMENDED, OFF = "required", "recommended", "off"
LEVELS = {REQUIRED, RECOMMENDED, OFF}

META_DESCRIPTION_MIN, META_DESCRIPTION_MAX = 70, 160
PLACEHOLDER = re.compile(r"\b(todo|tbd|fixme|xxx+|lorem ipsum|lorem)\b", re.IGNORECASE)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\balt\s*=", re.IGNORECASE)

DEFAULT_LEVELS = {
    "hero_image": RECOMMENDED,
    "alt_text": REQUIRED,
    "meta_description": RECOMMENDED,
    "faq": RECOMMENDED,
    "verdict_explained": REQUIRED,
    "placeholder": REQUIRED,
}


@dataclass(frozen=True)
class Item:
    name: str
    label: str
    level: str
    passed: bool
    reason: str = ""  # why it fails, in words the editor can act on

    @property
    def blocks(self) -> bool:
        return self.level == REQUIRED and not self.passed


def _texts(frozen: dict) -> list[tuple[str, str]]:
    content = frozen["content"]
    texts = [
        ("the title", frozen["title"]),
        ("the standfirst", frozen["standfirst"]),
        ("the meta description", frozen["meta_description"]),
        ("the verdict explanation", content.get("verdict_html", "")),
    ]
    texts += [
        (f"section “{s['heading']}”", f"{s['heading']} {s['html']}")
        for s in content.get("sections", [])
    ]
    texts += [
        (f"question “{q['question']}”", f"{q['question']} {q['answer_html']}")
        for q in content.get("questions", [])
    ]
    return texts


def _hero_image(frozen):
    if frozen["content"].get("hero"):
        return True, ""
    return False, "Add a hero image: listings and social cards show it."


def _alt_text(frozen):
    for where, text in _texts(frozen):
        if any(not _ALT.search(tag) for tag in _IMG.findall(text)):
            return False, f"A picture in {where} has no alt text."
    return True, ""


def _meta_description(frozen):
    length = len(frozen["meta_description"].strip())
    if META_DESCRIPTION_MIN <= length <= META_DESCRIPTION_MAX:
        return True, ""
    return False, (
        f"The meta description has {length} characters; search engines show "
        f"{META_DESCRIPTION_MIN} to {META_DESCRIPTION_MAX} best."
    )


def _faq(frozen):
    if frozen["content"].get("questions"):
        return True, ""
    return False, "Add at least one FAQ question."


def _verdict_explained(frozen):
    if words(frozen["content"].get("verdict_html", "")):
        return True, ""
    return False, "Explain the verdict: say why the film is, or is not, a true story."


def _placeholder(frozen):
    for where, text in _texts(frozen):
        found = PLACEHOLDER.search(text)
        if found:
            return False, f"Placeholder text “{found.group(0)}” in {where}."
    return True, ""


CHECKS: dict[str, tuple[str, Callable]] = {
    "hero_image": ("Hero image present", _hero_image),
    "alt_text": ("Alt text on every picture", _alt_text),
    "meta_description": ("Meta description of a good length", _meta_description),
    "faq": ("At least one FAQ question", _faq),
    "verdict_explained": ("Verdict explained", _verdict_explained),
    "placeholder": ("No placeholder text (TODO, lorem…)", _placeholder),
}


def levels() -> dict[str, str]:
    configured = {**DEFAULT_LEVELS, **getattr(settings, "FILMSITE_PREPUBLISH_CHECKLIST", {})}
    return {name: level for name, level in configured.items() if name in CHECKS}


def check(frozen: dict) -> list[Item]:
    """Every checklist item that is not off, passed or not."""
    items = []
    for name, level in levels().items():
        if level == OFF:
            continue
        label, test = CHECKS[name]
        passed, reason = test(frozen)
        items.append(Item(name, label, level, passed, reason))
    return items


def check_revision(revision) -> list[Item]:
    return check(
        {
            "title": revision.title,
            "standfirst": revision.standfirst,
            "meta_description": revision.meta_description,
            "content": revision.content,
        }
    )


def blocking(items: list[Item]) -> list[Item]:
    return [item for item in items if item.blocks]
