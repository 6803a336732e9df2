"""A long article for the benchmarks, published through the workflow."""

from django.contrib.auth import get_user_model

from articles import workflow
from articles.models import Article, Author, Film, Section
from faq.models import Question

SECTIONS = 30
QUESTIONS = 30


def long_article_url() -> str:
    film = Film.objects.order_by("pk").first()
    author = Author.objects.order_by("pk").first()
    article = Article.objects.create(
        title="A long explainer for the benchmark",
        slug="benchmark-long-explainer",
        film=film,
        author=author,
        standfirst="A stand-in article with many sections and questions.",
        meta_description="A stand-in article with many sections and questions.",
        verdict="no",
        verdict_explanation="Fiction.",
    )
    paragraph = "A paragraph with *emphasis*, a [link](https://example.org) and more words. " * 6
    Section.objects.bulk_create(
        Section(
            article=article,
            heading=f"Part {n}",
            body=paragraph,
            is_spoiler=n % 3 == 0,
            sort_order=n,
        )
        for n in range(SECTIONS)
    )
    Question.objects.bulk_create(
        Question(
            article=article,
            question=f"Question {n}?",
            answer=paragraph,
            is_spoiler=n % 4 == 0,
            sort_order=n,
        )
        for n in range(QUESTIONS)
    )
    # One account submits and another approves, as the workflow requires.
    submitter, _ = get_user_model().objects.get_or_create(
        username="benchmark-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    approver, _ = get_user_model().objects.get_or_create(
        username="benchmark-publisher", defaults={"is_superuser": True, "is_staff": True}
    )
    pending = workflow.submit(article=article, user=submitter).revision
    return workflow.approve(revision=pending, user=approver).get_absolute_url()
