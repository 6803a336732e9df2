"""How an article's FAQ is frozen into a revision.

Answers are rendered and sanitized once, here, like section bodies; the
article page, the FAQPage markup and the review diff read these dicts.
"""

from writing.markdown import render_markdown


def freeze_questions(article) -> list[dict]:
    """The article's questions in reading order, with their answers as safe HTML."""
    return [
        {
            # The working-copy row, so review comments find their way back to it.
            "id": question.pk,
            "question": question.question,
            "answer_html": render_markdown(question.answer),
            "answer_markdown": question.answer,  # the source, for exports
            "is_spoiler": question.is_spoiler,
        }
        for question in article.questions.order_by("sort_order", "pk")
    ]
