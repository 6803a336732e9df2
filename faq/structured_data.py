"""The FAQ as schema.org FAQPage markup, for the article page's JSON-LD graph."""

from django.utils.html import strip_tags


def faq_page(url: str, questions: list[dict]) -> dict | None:
    """An FAQPage of the questions whose answers readers see unfolded; None if none."""
    visible = [q for q in questions if not q.get("is_spoiler")]
    if not visible:
        return None
    return {
        "@type": "FAQPage",
        "@id": url + "#faq",
        "isPartOf": {"@id": url + "#webpage"},
        "mainEntity": [
            {
                "@type": "Question",
                "name": q["question"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": " ".join(strip_tags(q["answer_html"]).split()),
                },
            }
            for q in visible
        ],
    }
