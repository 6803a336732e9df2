"""How long an article takes to read, worked out once when it is frozen.

The figure is stored in the revision (articles.snapshot), so a page view only
prints it. Every word counts, folded spoiler text included: readers who open
the spoilers read them too, and a figure that changed with the reader's
choices would be no guide at all.
"""

import re

from django.utils.html import strip_tags

# A steady adult reading pace for explanatory prose; the figure is a guide.
WORDS_PER_MINUTE = 230

WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def word_count(*texts: str) -> int:
    """Words in plain text or HTML (tags are not words)."""
    return sum(len(WORD.findall(strip_tags(text or ""))) for text in texts)


def reading_minutes(*texts: str) -> int:
    """Whole minutes to read ``texts``, rounded up, never less than one."""
    words = word_count(*texts)
    return max(1, -(-words // WORDS_PER_MINUTE))
