"""An article file's body: sections, spoiler markers and the FAQ."""

import re
import textwrap

from ..records import ImportProblem, QuestionRecord, SectionRecord

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SPOILER_ATTRIBUTE = re.compile(
    r"""[ \t]*\{[ \t]*\.spoiler(?:[ \t]+warning=(?:"([^"]*)"|'([^']*)'))?[ \t]*\}[ \t]*$"""
)
_FENCE_OPEN = re.compile(r"^:::[ \t]*spoiler\b[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
_FENCE_CLOSE = re.compile(r"^:::[ \t]*$")
_CODE_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
FAQ_HEADING = re.compile(
    r"^(?:.+?[ \t]+[–—-][ \t]+)?(?:FAQs?|Frequently asked questions)$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(\d{1,3})[.)][ \t]+(.*)$")
_BOLD_QUESTION = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)[ \t]*(.*)$")


def _split_marker(heading: str) -> tuple[str, bool, str]:
    """(heading text, marked as spoiler, its warning) from “Heading {.spoiler …}”."""
    match = _SPOILER_ATTRIBUTE.search(heading)
    if not match:
        return heading.strip(), False, ""
    return heading[: match.start()].strip(), True, (match.group(1) or match.group(2) or "").strip()


def _code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (where nothing is markup)."""
    inside, fence, flags = False, "", []
    for text in lines:
        match = _CODE_FENCE.match(text)
        if not inside:
            if match:
                inside, fence = True, match.group(1)
            flags.append(inside)
            continue
        flags.append(True)
        closing = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
        if closing and text.strip() == match.group(1):
            inside = False
    return flags


def _unfence(lines: list[tuple[int, str]], what: str) -> tuple[str, bool, str, int | None]:
    """(text, is a spoiler, warning, its first line) for a block that may be
    wrapped in :::spoiler … :::."""
    content = [(n, text) for n, text in lines]
    while content and not content[0][1].strip():
        content.pop(0)
    while content and not content[-1][1].strip():
        content.pop()
    code = _code_lines([text for _, text in content])
    for index, (number, text) in enumerate(content):
        if code[index]:
            continue
        if _FENCE_OPEN.match(text) and index != 0:
            raise ImportProblem(
                f"a “:::spoiler” block must hold the whole {what}, from its first line", number
            )
    if content and _FENCE_OPEN.match(content[0][1]):
        warning = _FENCE_OPEN.match(content[0][1]).group(1)
        if len(content) < 2 or not _FENCE_CLOSE.match(content[-1][1]):
            raise ImportProblem(
                f"the “:::spoiler” block of this {what} has no closing “:::” line at its end",
                content[0][0],
            )
        inner = content[1:-1]
        while inner and not inner[0][1].strip():
            inner.pop(0)
        first = inner[0][0] if inner else None
        return "\n".join(text for _, text in inner).strip("\n"), True, warning, first
    first = content[0][0] if content else None
    return "\n".join(text for _, text in content).strip("\n"), False, "", first


def _questions(lines: list[tuple[int, str]], heading_line: int) -> list[QuestionRecord]:
    code = _code_lines([text for _, text in lines])
    items: list[tuple[int, str, list[tuple[int, str]]]] = []
    numbered = None
    for index, (number, text) in enumerate(lines):
        heading = None if code[index] else _HEADING.match(text)
        listed = None if code[index] else _NUMBERED.match(text)
        if heading and len(heading.group(1)) == 3 and numbered is not True:
            numbered = False
            items.append((number, heading.group(2), []))
        elif listed and numbered is not False:
            numbered = True
            first, rest = listed.group(2), []
            if bold := _BOLD_QUESTION.match(first):
                first, after = bold.group(1), bold.group(2)
                if after.startswith("{"):
                    first = f"{first} {after}"  # the spoiler marker after a bold question
                elif after:
                    rest = [(number, after)]  # the answer starts on the question's line
            items.append((number, first, rest))
        elif items:
            items[-1][2].append((number, text))
        elif text.strip():
            raise ImportProblem(
                "text before the first question of the FAQ: start each question with "
                "“### ” or a number (“1. ”)",
                number,
            )
    if not items:
        raise ImportProblem("the FAQ section has no questions", heading_line)
    questions = []
    for number, raw_question, answer_lines in items:
        question, marked, _ = _split_marker(raw_question)
        if numbered:
            dedented = textwrap.dedent("\n".join(text for _, text in answer_lines)).split("\n")
            answer_lines = [(n, text) for (n, _), text in zip(answer_lines, dedented, strict=True)]
        answer, fenced, _, first = _unfence(answer_lines, "answer")
        if not answer.strip():
            raise ImportProblem(f"the question “{question}” has no answer", number)
        questions.append(
            QuestionRecord(
                question=question,
                answer=answer,
                is_spoiler=marked or fenced,
                line=number,
                body_line=first,
            )
        )
    return questions


def parse_body(body: str, first_line: int) -> tuple[list[SectionRecord], list[QuestionRecord]]:
    lines = body.split("\n")
    code = _code_lines(lines)
    blocks: list[tuple[int, str, list[tuple[int, str]]]] = []
    for index, text in enumerate(lines):
        number = first_line + index
        heading = None if code[index] else _HEADING.match(text)
        if heading and len(heading.group(1)) == 2:
            blocks.append((number, heading.group(2), []))
        elif blocks:
            blocks[-1][2].append((number, text))
        elif heading and len(heading.group(1)) == 1:
            continue  # a title line some generators add; the title is in the front matter
        elif text.strip():
            raise ImportProblem(
                "text before the first “## ” section heading: put the answer up front in "
                "“standfirst” and start each section with “## Heading”",
                number,
            )
    sections, questions = [], None
    for number, raw_heading, body_lines in blocks:
        heading, marked, warning = _split_marker(raw_heading)
        if FAQ_HEADING.match(heading) and not marked:
            if questions is not None:
                raise ImportProblem("a second FAQ section: an article has one FAQ", number)
            questions = _questions(body_lines, number)
            continue
        text, fenced, fence_warning, first = _unfence(body_lines, "section")
        if not text.strip():
            raise ImportProblem(f"the section “{heading}” is empty", number)
        sections.append(
            SectionRecord(
                heading=heading,
                body=text,
                is_spoiler=marked or fenced,
                spoiler_warning=warning or fence_warning,
                line=number,
                body_line=first,
            )
        )
    return sections, questions or []


def demote_headings(markdown: str, top_level: int) -> str:
    """Shift the headings of a body so none is above ``top_level``.

    The renderer shifts a body's headings below the section's own heading
    anyway, so readers get the same page; in the file, a “## ” inside a
    body would otherwise start a new section on the way back in.
    """
    lines = markdown.split("\n")
    code = _code_lines(lines)
    levels = [
        len(match.group(1))
        for index, text in enumerate(lines)
        if not code[index] and (match := _HEADING.match(text))
    ]
    if not levels or min(levels) >= top_level:
        return markdown
    shift = top_level - min(levels)
    out = []
    for index, text in enumerate(lines):
        match = None if code[index] else _HEADING.match(text)
        out.append(
            "#" * min(len(match.group(1)) + shift, 6) + text[len(match.group(1)) :]
            if match
            else text
        )
    return "\n".join(out)
