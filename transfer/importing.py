"""Turning an ``ArticleRecord`` into the working copy, then into a revision.

One article at a time, each in its own transaction: an article that fails
leaves nothing behind, and the ones before it stay imported. The working
copy is saved like an editor's change and handed to ``articles.workflow``:
submitted for review by default, published directly only by an
administrator's ``--publish``.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F

from articles import workflow
from articles.models import Article, Section
from faq.models import Question
from filmsite.dates import format_when
from filmsite.users import display_name

from . import images
from .film_records import resolve_author, resolve_film
from .outcomes import Options, Outcome, Result, clean
from .records import ArticleRecord, ImportProblem

_FIELDS = (
    "title",
    "slug",
    "film_id",
    "author_id",
    "standfirst",
    "meta_description",
    "verdict",
    "verdict_explanation",
    "disclaimer",
    "hero_image_id",
)


def _state(article: Article) -> tuple:
    """What the working copy holds, to tell whether an import changes it."""
    return (
        tuple(getattr(article, name) for name in _FIELDS),
        tuple(
            article.sections.order_by("sort_order", "pk").values_list(
                "heading", "body", "is_spoiler", "spoiler_warning"
            )
        ),
        tuple(
            article.questions.order_by("sort_order", "pk").values_list(
                "question", "answer", "is_spoiler"
            )
        ),
    )


@dataclass
class _WorkingCopy:
    """What the working copy will hold: the record, its pictures stored and pointed at."""

    fields: dict
    sections: list[tuple[str, str, bool, str]]
    questions: list[tuple[str, str, bool]]

    def state(self) -> tuple:
        return (
            tuple(self.fields[name] for name in _FIELDS),
            tuple(self.sections),
            tuple(self.questions),
        )


def _prepare(record: ArticleRecord, *, film, author, hero, user, source) -> _WorkingCopy:
    line = record.line_of
    fields = {
        "title": record.title,
        "slug": record.slug,
        "film_id": film.pk,
        "author_id": author.pk,
        "standfirst": record.standfirst,
        "meta_description": record.meta_description,
        "verdict": record.verdict,
        "verdict_explanation": images.pictures_in(
            record.verdict_explanation,
            source,
            user=user,
            line=line("verdict_explanation"),
            what="the verdict explanation",
        ),
        "disclaimer": images.pictures_in(
            record.disclaimer, source, user=user, line=line("disclaimer"), what="the disclaimer"
        ),
        "hero_image_id": hero.pk if hero else None,
    }
    sections = [
        (
            data.heading,
            images.pictures_in(
                data.body,
                source,
                user=user,
                line=data.body_line,
                near=data.line,
                what=f"the section “{data.heading}”",
            ),
            data.is_spoiler,
            data.spoiler_warning,
        )
        for data in record.sections
    ]
    questions = [
        (
            data.question,
            images.pictures_in(
                data.answer,
                source,
                user=user,
                line=data.body_line,
                near=data.line,
                what=f"the answer to “{data.question}”",
            ),
            data.is_spoiler,
        )
        for data in record.questions
    ]
    return _WorkingCopy(fields, sections, questions)


def _write_working_copy(article: Article, copy: _WorkingCopy, record: ArticleRecord, *, user):
    for name, value in copy.fields.items():
        setattr(article, name, value)
    article.last_edited_by = user
    clean(article, "the article", 2, exclude=["version"])
    article.save()
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)
    article.sections.all().delete()
    article.questions.all().delete()
    # The article was just saved: checking its foreign key again would cost a query each.
    for order, ((heading, body, is_spoiler, warning), data) in enumerate(
        zip(copy.sections, record.sections, strict=True)
    ):
        section = Section(
            article=article,
            heading=heading,
            body=body,
            is_spoiler=is_spoiler,
            spoiler_warning=warning,
            sort_order=order,
        )
        clean(section, f"the section “{heading}”", data.line, exclude=["article"])
        section.save()
    for order, ((text, answer, is_spoiler), data) in enumerate(
        zip(copy.questions, record.questions, strict=True)
    ):
        question = Question(
            article=article, question=text, answer=answer, is_spoiler=is_spoiler, sort_order=order
        )
        clean(question, f"the question “{text}”", data.line, exclude=["article"])
        question.save()


def _original_dates(record: ArticleRecord) -> workflow.OriginalDates | None:
    if record.published is None:
        return None
    return workflow.OriginalDates(published=record.published, updated=record.updated)


def _go_through_workflow(article: Article, record: ArticleRecord, options: Options, *, new: bool):
    summary = options.change_summary or ("" if new else "Updated from an imported file.")
    dates = _original_dates(record)
    try:
        if options.publish:
            workflow.publish_import_directly(
                article=article, user=options.user, original_dates=dates, change_summary=summary
            )
        else:
            never_live = not article.revisions.gone_live().exists()
            workflow.submit(
                article=article,
                user=options.user,
                change_summary=summary,
                original_dates=dates if never_live else None,
            )
    except workflow.WorkflowError as error:
        raise ImportProblem(str(error)) from None
    except PermissionDenied as error:
        raise ImportProblem(str(error)) from None


def _refuse_to_overwrite_unsubmitted_edits(article: Article) -> None:
    """An editor's saved but unsubmitted work is never replaced by an import.

    The working copy was saved after its newest revision was made (or it has
    none): someone is working on it in the admin.
    """
    newest = article.revisions.order_by("-created_at").first()
    if newest is not None and article.updated_at <= newest.created_at:
        return
    who = display_name(article.last_edited_by, "someone")
    when = format_when(article.updated_at)
    raise ImportProblem(
        f"the article “{article.slug}” has changes saved in the admin by {who} ({when}) "
        "that were never submitted; the import does not overwrite them: submit or undo "
        "them first"
    )


def _import(record: ArticleRecord, options: Options, source) -> Result:
    warnings: list[str] = []
    user = options.user
    film = resolve_film(record.film, options, warnings=warnings)
    author = resolve_author(record.author, create=options.create_authors)
    hero = images.hero(record.hero_image, source, user=user, warnings=warnings)
    copy = _prepare(record, film=film, author=author, hero=hero, user=user, source=source)
    article = Article.objects.select_for_update().filter(slug=record.slug).first()
    new = article is None
    if not new and _state(article) == copy.state() and article.revisions.exists():
        return Result(Outcome.UNCHANGED, article, warnings)
    if new:
        article = Article()
    else:
        _refuse_to_overwrite_unsubmitted_edits(article)
    _write_working_copy(article, copy, record, user=user)
    _go_through_workflow(article, record, options, new=new)
    return Result(Outcome.CREATED if new else Outcome.UPDATED, article, warnings)


@contextmanager
def rolled_back(dry_run: bool):
    """For --dry-run: one transaction around the whole import, undone at the end.

    Each article still has its own savepoint, so what one creates (an author,
    a film) is there for the next, exactly as in a real run.
    """
    if not dry_run:
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def import_record(record: ArticleRecord, options: Options, source) -> Result:
    """Import one article in its own transaction; ImportProblem leaves nothing behind.

    ``source`` finds the files of the pictures the record names (see
    transfer.images). A dry run wraps the whole import in ``rolled_back``.
    """
    pending_links = len(options.adaptations)
    try:
        with transaction.atomic():
            result = _import(record, options, source)
    except Exception:
        del options.adaptations[pending_links:]  # its films were rolled back with it
        raise
    return result
