"""The one place Markdown becomes HTML.

Used by the admin's live preview (markdownx) and when a revision is frozen,
so the preview is exactly what readers will get. Output is sanitized with an
allowlist: editors can format text, not inject markup.

Text beyond writing.limits (too long, too deeply nested, too many brackets)
is never handed to the parser: the editor's forms and the preview refuse it,
and text that was stored anyway is shown as escaped plain text, so no field
can crash or stall a worker.
"""

import threading

import markdown as python_markdown
import nh3
from django.core.exceptions import ValidationError
from django.utils.html import linebreaks
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from images.markup import image_problems, responsive_images
from writing.limits import markdown_problems

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol",
    "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead",
    "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align"},
    "th": {"align", "scope"},
    "ol": {"start"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# The page gives each section an <h2>; headings inside a body sit below it.
TOP_BODY_HEADING_LEVEL = 3


HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _DemoteHeadings(Treeprocessor):
    """Shift headings so the body's top level becomes h3, keeping the steps.

    Editors may start a body at `#`, `##` or `###`; readers and screen
    readers must still get h2 (the section) → h3 → h4 without gaps.
    """

    def run(self, root):
        headings = [element for element in root.iter() if element.tag in HEADING_TAGS]
        if not headings:
            return
        shift = TOP_BODY_HEADING_LEVEL - min(int(element.tag[1]) for element in headings)
        for element in headings:
            element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"


class DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 0)


TOO_DEEP = (
    "This Markdown nests too deeply to be rendered (lists, quotes or definitions "
    "inside one another); flatten it."
)


class MarkdownRefused(ValueError):
    """Text beyond writing.limits, or that the parser cannot handle."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


def render_markdown(text: str) -> str:
    """Markdown in, safe HTML out, with our uploaded images made responsive.

    Text that may not be rendered comes out as escaped paragraphs instead.
    """
    try:
        return render_markdown_or_refuse(text)
    except MarkdownRefused:
        return _plain_text(text)


def render_markdown_or_refuse(text: str) -> str:
    """Like render_markdown, but raise MarkdownRefused instead of falling back."""
    return responsive_images(_bounded_html(text))


def validate_markdown_images(text: str) -> None:
    """Refuse Markdown beyond the limits, or whose images lack alt text or are not ours."""
    try:
        html = _bounded_html(text)
    except MarkdownRefused as refused:
        raise ValidationError(refused.problems, code="markdown_limits") from None
    problems = image_problems(html)
    if problems:
        raise ValidationError(problems)


def _bounded_html(text: str) -> str:
    problems = markdown_problems(text)
    if problems:
        raise MarkdownRefused(problems)
    try:
        return _sanitized_html(text)
    except RecursionError:
        _converters.markdown = None  # its state after the error is unknown
        raise MarkdownRefused([TOO_DEEP]) from None


def _plain_text(text: str) -> str:
    return linebreaks(text or "", autoescape=True)


_converters = threading.local()


def _converter() -> python_markdown.Markdown:
    """This thread's Markdown converter, reset for a new text.

    Building one (loading its extensions) costs more than converting a
    section, and an import renders thousands; a converter is not thread-safe,
    hence one per thread.
    """
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = _converters.markdown = python_markdown.Markdown(
            extensions=["extra", "sane_lists", "smarty", DemoteHeadingsExtension()],
            output_format="html",
        )
    return converter.reset()


def _sanitized_html(text: str) -> str:
    html = _converter().convert(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
