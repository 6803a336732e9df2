"""Freezing the working copy into the content of a revision.

Markdown is rendered and sanitized here, once per revision, so a public
request only reads HTML that was checked when the revision was made.
"""

from django.utils.text import slugify

from .markdown import render_markdown
from .models import Article

# Anchors the article page uses for its own blocks; sections may not take them.
RESERVED_ANCHORS = {"main", "contents", "verdict", "film-facts", "faq", "disclaimer", "updates"}


def unique_anchor(heading: str, taken: set[str]) -> str:
    base = slugify(heading) or "section"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def freeze(article: Article) -> dict:
    """Field values for a new Revision that captures ``article`` as it is now."""
    taken = set(RESERVED_ANCHORS)
    sections = [
        {
            "heading": section.heading,
            "anchor": unique_anchor(section.heading, taken),
            "html": render_markdown(section.body),
            "is_spoiler": section.is_spoiler,
            "spoiler_warning": section.spoiler_warning.strip(),
        }
        for section in article.sections.order_by("sort_order", "pk")
    ]
    questions = [
        {
            "question": question.question,
            "answer_html": render_markdown(question.answer),
            "is_spoiler": question.is_spoiler,
        }
        for question in article.questions.order_by("sort_order", "pk")
    ]
    return {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "meta_description": article.meta_description,
        "film_id": article.film_id,
        "author_id": article.author_id,
        "content": {
            "verdict": article.verdict,
            # Alt text, caption and credit as approved, not as later edited.
            "hero": article.hero_image.picture_data() if article.hero_image_id else None,
            "verdict_html": render_markdown(article.verdict_explanation),
            "disclaimer_html": render_markdown(article.disclaimer),
            "sections": sections,
            "questions": questions,
        },
    }
