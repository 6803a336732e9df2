"""Freezing the working copy into the content of a revision.

Markdown is rendered and sanitized here, once per revision, so a public
request only reads HTML that was checked when the revision was made. The
Markdown source is frozen beside it, so a revision can be exported as it
was approved (transfer.exporting).
"""

from django.utils.text import slugify

from faq.snapshot import freeze_questions
from writing.markdown import render_markdown
from writing.reading_time import reading_minutes

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
            # The working-copy row, so review comments find their way back to it.
            "id": section.pk,
            "heading": section.heading,
            "anchor": unique_anchor(section.heading, taken),
            "html": render_markdown(section.body),
            "markdown": section.body,
            "is_spoiler": section.is_spoiler,
            "spoiler_warning": section.spoiler_warning.strip(),
        }
        for section in article.sections.order_by("sort_order", "pk")
    ]
    questions = freeze_questions(article)
    verdict_html = render_markdown(article.verdict_explanation)
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
            "verdict_html": verdict_html,
            "verdict_markdown": article.verdict_explanation,
            "disclaimer_html": render_markdown(article.disclaimer),
            "disclaimer_markdown": article.disclaimer,
            "sections": sections,
            "questions": questions,
            # Shown in the byline; counted here so no page view counts words.
            "reading_minutes": reading_minutes(
                article.standfirst,
                verdict_html,
                *(section["html"] for section in sections),
                *(item["question"] + " " + item["answer_html"] for item in questions),
            ),
        },
    }
