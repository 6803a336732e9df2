"""Articles as Markdown files with YAML front matter: reading and writing.

The format is documented in docs/importing.md. In short: the front matter
holds the article's fields (front_matter.py); in the body each ``## Heading``
starts a section; ``## Heading {.spoiler}`` (optionally ``{.spoiler
warning="reveals the ending"}``) or a body fenced in ``:::spoiler … :::``
makes it a spoiler section; a ``## FAQs`` (or ``## <film> – FAQs``) section
holds the questions, as ``### Question`` headings or a numbered list, marked
as spoilers the same way (body.py). writing.py writes the same format back.
Nothing here touches the database.
"""

from .body import FAQ_HEADING
from .front_matter import FILM_FACTS, MAX_MARKDOWN_BYTES, parse, parse_verdict, read_text
from .writing import write

__all__ = [
    "FAQ_HEADING",
    "FILM_FACTS",
    "MAX_MARKDOWN_BYTES",
    "parse",
    "parse_verdict",
    "read_text",
    "write",
]
