"""Loading the further explainers (demo/explainers/), each with a history of two versions.

Like the first demo article, each is submitted by the editor and approved by
the moderator through the workflow, backdated, and an article that already
has revisions is never touched again: its history is not the demo's to
rewrite.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, Section
from articles.workflow import WorkflowError, approve, submit
from faq.models import Question

from . import artwork
from .explainers import EXPLAINERS
from .rows import DemoError, add, upsert


def load(report: list[str], film_by_slug, author, *, reviewers) -> None:
    published, kept, unpublished = [], [], []
    for index, module in enumerate(EXPLAINERS):
        existing = Article.objects.filter(slug=module.ARTICLE["slug"]).first()
        if existing is not None and existing.revisions.exists():
            kept.append(existing.title)
            continue
        article, _ = upsert(
            Article,
            {"slug": module.ARTICLE["slug"]},
            {
                **module.ARTICLE,
                "film": film_by_slug[module.FILM],
                "author": author,
                "hero_image": artwork.demo_hero(index),
            },
        )
        _write_first_version(article, module)
        if reviewers is None:
            _apply_update(article, module)
            unpublished.append(article.title)
            continue
        _publish_history(article, module, *reviewers)
        published.append(article.title)
    if published:
        report.append(
            f"Further explainers: {len(published)} published, each first version and one "
            f"update submitted by {reviewers[0]} and approved by {reviewers[1]}."
        )
    if kept:
        report.append(f"Further explainers: {len(kept)} already have revisions; left alone.")
    if unpublished:
        report.append(
            f"Further explainers: {len(unpublished)} left unpublished (no two staff accounts "
            "to submit and approve them)."
        )


def _publish_history(article, module, submitter, approver) -> None:
    now = timezone.now()
    update = module.UPDATE
    first = now - timedelta(days=update["first_days_ago"])
    steps = [
        (first, "First published", None),
        (now - timedelta(days=update["days_ago"]), update["change_summary"], _apply_update),
    ]
    for go_live_at, summary, edit in steps:
        if edit is not None:
            edit(article, module)
        try:
            pending = submit(article=article, user=submitter, change_summary=summary).revision
            approve(revision=pending, user=approver, go_live_at=go_live_at, backdate=True)
        except (PermissionDenied, WorkflowError) as error:
            raise DemoError(
                f"Could not publish the demo article “{article.title}” (submitted by "
                f"{submitter}, approved by {approver}): {error}"
            ) from error
    Article.objects.filter(pk=article.pk).update(created_at=first - timedelta(days=1))


def _write_first_version(article, module) -> None:
    article.sections.all().delete()
    article.questions.all().delete()
    for order, spec in enumerate(module.SECTIONS, start=1):
        add(Section(article=article, sort_order=order * 10, **spec))
    for order, spec in enumerate(module.QUESTIONS, start=1):
        add(Question(article=article, sort_order=order * 10, **spec))


def _apply_update(article, module) -> None:
    update = module.UPDATE
    # New sections go just before the first spoiler section, which ends every article.
    spoiler = article.sections.filter(is_spoiler=True).order_by("sort_order").first()
    before = spoiler.sort_order if spoiler else (article.sections.count() + 1) * 10
    for step, spec in enumerate(update.get("sections", []), start=1):
        add(Section(article=article, sort_order=before - 5 + step, **spec))
    questions = article.questions.count()
    for order, spec in enumerate(update.get("questions", []), start=questions + 1):
        add(Question(article=article, sort_order=order * 10, **spec))
