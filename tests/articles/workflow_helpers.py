"""Helpers shared by the workflow tests."""

from django.urls import reverse

from articles.models import Revision


def edit(article, body):
    section = article.sections.first()
    section.body = body
    section.save()


def live(article):
    return Revision.objects.live().filter(article=article).first()


def page_status(client, slug):
    return client.get(reverse("articles:article", kwargs={"slug": slug})).status_code


def state(article):
    """Everything the workflow may change, to check that refused actions change nothing."""
    article.refresh_from_db()
    return (
        list(
            Revision.objects.filter(article=article)
            .order_by("number")
            .values_list(
                "number", "status", "go_live_at", "is_minor", "reviewed_by", "review_comment"
            )
        ),
        article.unpublished_at,
    )
