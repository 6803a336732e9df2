"""What an imported or exported article is made of, independent of any file format.

The Markdown reader and the WordPress reader both produce an ``ArticleRecord``;
the importer turns one into a working copy, the exporter builds one from the
site. Nothing here touches the database.
"""

from dataclasses import dataclass, field
from datetime import datetime


class ImportProblem(Exception):
    """Bad input, with the line of the source file it concerns when there is one."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class ImageRef:
    """A picture given by the source: a file path (Markdown) or an address (WordPress)."""

    source: str
    alt: str = ""
    decorative: bool = False
    caption: str = ""
    credit: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass
class FilmRef:
    """The film an article is about: found by slug, or by title and year."""

    slug: str = ""
    title: str = ""
    year: int | None = None
    # Used only when the import creates the film (--create-films).
    facts: dict = field(default_factory=dict)
    cast: list[dict] = field(default_factory=list)
    where_to_watch: list[dict] = field(default_factory=list)
    ratings: list[dict] = field(default_factory=list)
    based_on: str = ""
    line: int | None = field(default=None, compare=False)

    def describe(self) -> str:
        if self.slug:
            return f"“{self.slug}”"
        return f"“{self.title}” ({self.year})"


@dataclass
class AuthorRef:
    slug: str = ""
    name: str = ""
    bio: str = ""
    line: int | None = field(default=None, compare=False)


@dataclass
class SectionRecord:
    heading: str
    body: str
    is_spoiler: bool = False
    spoiler_warning: str = ""
    line: int | None = field(default=None, compare=False)
    body_line: int | None = field(default=None, compare=False)  # where the body text starts


@dataclass
class QuestionRecord:
    question: str
    answer: str
    is_spoiler: bool = False
    line: int | None = field(default=None, compare=False)
    body_line: int | None = field(default=None, compare=False)  # where the answer starts


@dataclass
class ArticleRecord:
    title: str
    slug: str
    film: FilmRef
    author: AuthorRef
    standfirst: str
    meta_description: str
    verdict: str
    verdict_explanation: str
    disclaimer: str = ""
    hero_image: ImageRef | None = None
    published: datetime | None = None
    updated: datetime | None = None
    sections: list[SectionRecord] = field(default_factory=list)
    questions: list[QuestionRecord] = field(default_factory=list)
    # Where each front-matter field was, for error messages.
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def line_of(self, name: str) -> int | None:
        return self.lines.get(name)
