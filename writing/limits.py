"""Bounds on Markdown, checked before anything is rendered.

python-markdown recurses once per level of nested lists and quotes (about
500 levels raise RecursionError) and re-scans the rest of the text for every
unclosed ``[`` or ``<`` (20,000 brackets take half a minute). Neither the
live preview nor a save may tie up a worker like that, so text beyond these
bounds is refused with a message an editor can act on. The bounds sit far
above what an article needs: a long "Plot" section is under 10,000
characters with a few dozen links.
"""

import re

MAX_LENGTH = 20_000  # characters in one field
MAX_DEPTH = 12  # nested lists and quotes, counted per line
MAX_BRACKETS = 500  # "[" starts links, images and references
MAX_ANGLE_BRACKETS = 500  # "<" starts autolinks and (stripped) raw HTML

TAB_WIDTH = 4  # python-markdown's indent per list level
# One container marker at the start of a line: a quote, a bullet, a number.
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?")


def _line_depth(line: str) -> int:
    expanded = line.expandtabs(TAB_WIDTH)
    stripped = expanded.lstrip(" ")
    depth = (len(expanded) - len(stripped)) // TAB_WIDTH
    position = 0
    while depth <= MAX_DEPTH:
        marker = _CONTAINER.match(stripped, position)
        if marker is None or marker.end() == position:
            break
        depth += 1
        position = marker.end()
    return depth


def nesting_depth(text: str) -> int:
    """The deepest nesting of lists, quotes and indentation on any line."""
    return max((_line_depth(line) for line in text.splitlines()), default=0)


def markdown_problems(text: str) -> list[str]:
    """Why ``text`` may not be rendered, in editors' words; empty when it may."""
    text = text or ""
    if len(text) > MAX_LENGTH:
        return [
            f"This Markdown is {len(text):,} characters long; the limit is {MAX_LENGTH:,} "
            "per field. Split it into several sections."
        ]
    problems = []
    if text.count("[") > MAX_BRACKETS:
        problems.append(
            f"This Markdown has {text.count('['):,} “[” characters; at most {MAX_BRACKETS} "
            "are allowed (each link or image uses one)."
        )
    if text.count("<") > MAX_ANGLE_BRACKETS:
        problems.append(
            f"This Markdown has {text.count('<'):,} “<” characters; at most "
            f"{MAX_ANGLE_BRACKETS} are allowed."
        )
    if nesting_depth(text) > MAX_DEPTH:
        problems.append(
            f"This Markdown nests lists, quotes or indentation more than {MAX_DEPTH} levels "
            "deep; flatten it."
        )
    return problems
