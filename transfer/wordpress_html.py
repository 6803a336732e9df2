"""A WordPress post's HTML as Markdown sections, spoilers and FAQ questions.

Spoiler shortcodes and ``<details>`` blocks become spoiler sections, Yoast
and Rank Math FAQ blocks and FAQPage markup become the FAQ; markdownify does
the rest, and the importer then renders and sanitizes it like any article.
"""

import html
import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import markdownify

from .markdown_files import FAQ_HEADING
from .records import QuestionRecord, SectionRecord

INTRODUCTION = "Introduction"
GENERIC_SPOILER_LABELS = {"spoiler", "spoilers", "show spoiler", "show spoilers", "reveal"}

_SPOILER_SHORTCODE = re.compile(
    r"""\[spoiler(?:\s+title=(?:"([^"]*)"|'([^']*)'))?[^\]]*\](.*?)\[/spoiler\]""",
    re.IGNORECASE | re.DOTALL,
)
_CAPTION_SHORTCODE = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_BLOCK_START = re.compile(
    r"^\s*<(?:!--|/?(?:p|h[1-6]|div|details|ul|ol|table|figure|blockquote|pre|hr|script|style)\b)",
    re.IGNORECASE,
)


def _caption(match) -> str:
    inner = match.group(1)
    image = _IMG_TAG.search(inner)
    if not image:
        return inner
    caption = " ".join(BeautifulSoup(_IMG_TAG.sub("", inner), "html.parser").get_text().split())
    tag = image.group(0)
    if caption and "title=" not in tag:
        tag = tag[:-1].rstrip("/ ") + f' title="{html.escape(caption)}">'
    return f"<p>{tag}</p>"


def _spoiler(match) -> str:
    title = match.group(1) or match.group(2) or ""
    return f"<details><summary>{html.escape(title)}</summary>{match.group(3)}</details>"


def _paragraphs(text: str) -> str:
    """WordPress's classic editor keeps paragraphs as blank lines: make them <p>."""
    chunks = re.split(r"\n\s*\n", text)
    return "\n".join(
        chunk if _BLOCK_START.match(chunk) or not chunk.strip() else f"<p>{chunk.strip()}</p>"
        for chunk in chunks
    )


def _markdown(nodes) -> str:
    markup = "".join(str(node) for node in nodes)
    return markdownify(markup, heading_style="ATX", bullets="-", strip=["script", "style"]).strip()


def _spoiler_block(node) -> Tag | None:
    """The <details> that ``node`` is, or that is all a paragraph holds."""
    if not isinstance(node, Tag):
        return None
    if node.name == "details":
        return node
    if node.name == "p":
        children = [
            c for c in node.contents if not (isinstance(c, NavigableString) and not c.strip())
        ]
        if len(children) == 1 and isinstance(children[0], Tag) and children[0].name == "details":
            return children[0]
    return None


def _summary_and_body(details: Tag) -> tuple[str, list]:
    summary = details.find("summary")
    label = " ".join(summary.get_text().split()) if summary else ""
    if summary:
        summary.extract()
    return label, list(details.contents)


def _answer(nodes) -> tuple[str, bool]:
    """(Markdown, is a spoiler) for a FAQ answer; any spoiler block in it makes it one."""
    spoiler = False
    parts = []
    for node in nodes:
        if (block := _spoiler_block(node)) is not None:
            spoiler = True
            parts += _summary_and_body(block)[1]
            continue
        if isinstance(node, Tag):
            for inner in node.find_all("details"):  # e.g. a [spoiler] inside a paragraph
                spoiler = True
                _summary_and_body(inner)  # drops the <summary>
                inner.unwrap()
        parts.append(node)
    return _markdown(parts), spoiler


def _faq_blocks(soup: BeautifulSoup) -> list[QuestionRecord]:
    """Questions from Yoast and Rank Math FAQ blocks and FAQPage markup, removed from ``soup``."""
    questions: list[QuestionRecord] = []

    def add(question: str, nodes):
        question = " ".join(question.split())
        answer, spoiler = _answer(nodes)
        if question and answer and all(q.question != question for q in questions):
            questions.append(QuestionRecord(question=question, answer=answer, is_spoiler=spoiler))

    for block in soup.select("div.schema-faq"):  # Yoast
        for item in block.select(".schema-faq-section"):
            question = item.select_one(".schema-faq-question")
            answer = item.select_one(".schema-faq-answer")
            if question and answer:
                add(question.get_text(), list(answer.contents))
        block.decompose()
    for block in soup.select("#rank-math-faq, div.rank-math-block"):  # Rank Math
        for item in block.select(".rank-math-list-item"):
            question = item.select_one(".rank-math-question")
            answer = item.select_one(".rank-math-answer")
            if question and answer:
                add(question.get_text(), list(answer.contents))
        block.decompose()
    for block in soup.select('[itemtype*="schema.org/FAQPage"]'):  # microdata
        for item in block.select('[itemtype*="schema.org/Question"]'):
            name = item.select_one('[itemprop="name"]')
            text = item.select_one('[itemprop="acceptedAnswer"] [itemprop="text"]')
            if name and text:
                add(name.get_text(), list(text.contents))
        block.decompose()
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        for node in nodes if isinstance(nodes, list) else []:
            if isinstance(node, dict) and node.get("@type") == "FAQPage":
                for entity in node.get("mainEntity") or []:
                    if not isinstance(entity, dict):
                        continue
                    answer = (entity.get("acceptedAnswer") or {}).get("text", "")
                    add(
                        str(entity.get("name", "")),
                        list(BeautifulSoup(str(answer), "html.parser").contents),
                    )
        script.decompose()
    return questions


@dataclass
class _Draft:
    heading: str
    nodes: list = field(default_factory=list)
    is_spoiler: bool = False
    warning: str = ""

    def has_content(self) -> bool:
        return any(
            isinstance(node, Tag) or (isinstance(node, NavigableString) and node.strip())
            for node in self.nodes
        )


def _warning(label: str) -> str:
    return "" if label.lower().strip(" :!.") in GENERIC_SPOILER_LABELS else label[:100]


def convert_content(
    content: str, *, take_lead: bool = False
) -> tuple[list[SectionRecord], list[QuestionRecord], str]:
    """(sections, questions, lead) from a post's HTML.

    With ``take_lead`` the first paragraph before any heading is taken out of
    the text and returned as the lead (for a post without an excerpt).
    """
    content = _CAPTION_SHORTCODE.sub(_caption, content)
    content = _SPOILER_SHORTCODE.sub(_spoiler, content)
    soup = BeautifulSoup(_paragraphs(content), "html.parser")
    for element in soup.find_all(["script", "style"]):
        if element.get("type") != "application/ld+json":
            element.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()  # the block editor's <!-- wp:paragraph --> markers
    questions = _faq_blocks(soup)
    lead = ""
    if take_lead:
        for node in soup.contents:
            if isinstance(node, Tag) and node.name == "h2":
                break
            if isinstance(node, Tag) and node.name == "p" and node.get_text().strip():
                lead = " ".join(node.extract().get_text().split())
                break

    drafts = [_Draft(INTRODUCTION)]
    for node in list(soup.contents):
        if isinstance(node, Tag) and node.name == "h2":
            drafts.append(_Draft(" ".join(node.get_text().split()) or "Section"))
            continue
        block = _spoiler_block(node)
        if block is None:
            drafts[-1].nodes.append(node)
            continue
        label, inner = _summary_and_body(block)
        current = drafts[-1]
        if not current.has_content() and current.heading != INTRODUCTION:
            current.is_spoiler, current.warning = True, _warning(label)
            current.nodes += inner
        else:
            drafts.append(_Draft(label or "Spoilers", inner, True, _warning(label)))
            drafts.append(_Draft(f"{current.heading} (continued)"))
    sections = []
    for draft in drafts:
        if not draft.has_content():
            continue
        body = _markdown(draft.nodes)
        if body and not (FAQ_HEADING.match(draft.heading) and questions and not draft.is_spoiler):
            sections.append(SectionRecord(draft.heading, body, draft.is_spoiler, draft.warning))
    return sections, questions, lead
