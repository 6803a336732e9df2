"""The one place Markdown becomes HTML.

Used by the admin's live preview (markdownx) and when a revision is frozen,
so the preview is exactly what readers will get. Output is sanitized with an
allowlist: editors can format text, not inject markup.
"""

import markdown as python_markdown
import nh3
from django.core.exceptions import ValidationError
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from images.markup import image_problems, responsive_images

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


def render_markdown(text: str) -> str:
    """Markdown in, safe HTML out, with our uploaded images made responsive."""
    return responsive_images(_sanitized_html(text))


def validate_markdown_images(text: str) -> None:
    """Refuse Markdown whose images lack alt text or were not uploaded here."""
    problems = image_problems(_sanitized_html(text))
    if problems:
        raise ValidationError(problems)


def _sanitized_html(text: str) -> str:
    html = python_markdown.markdown(
        text or "",
        extensions=["extra", "sane_lists", "smarty", DemoteHeadingsExtension()],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
