"""A site whose every text field holds a script-injection payload.

For payload *i* there is a film, an author and an article (with a hero
image, a plain and a spoiler section, a plain and a spoiler question) whose
text fields all hold that payload, stored as an import would (no form
validation). It is then published through the workflow with the payload as
the change summary and the moderator's comment, sent back once with the
payload as the reason, submitted again (so it waits in the review queue),
and a reader suggests a correction with it through the public form.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.test import Client, override_settings
from django.urls import reverse

from articles import checklist, workflow
from articles.models import Article, Revision, Section
from faq.models import Question
from films.models import Author, Availability, Credit, Film, Rating
from images.models import Image
from images.storage import store_upload
from tests.factories import EditorFactory, ModeratorFactory
from tests.images import hostile

# The fields each payload is written into, as "model.field".
FIELDS = [
    *(f"film.{name}" for name in ("title", "original_title", "country", "original_language")),
    *(f"film.{name}" for name in ("director", "genre", "synopsis")),
    "credit.actor",
    "credit.character",
    "credit.character_note",
    "availability.service",
    "availability.audio",
    "availability.subtitles",
    "availability.url",
    "rating.source",
    "rating.label",
    "rating.url",
    "author.name",
    "author.bio",
    "image.alt_text",
    "image.caption",
    "image.credit",
    "article.title",
    "article.standfirst",
    "article.meta_description",
    "article.verdict_explanation",
    "article.disclaimer",
    "section.heading",
    "section.body",
    "spoiler section.heading",
    "spoiler section.body",
    "spoiler section.spoiler_warning",
    "question.question",
    "question.answer",
    "spoiler question.question",
    "spoiler question.answer",
    "revision.change_summary",
    "approval.comment",
    "request for changes.comment",
    "correction.message",
]


def fit(text: str, length: int) -> str:
    return text[:length]


@dataclass
class HostileArticle:
    payload: str
    article: Article
    film: Film
    author: Author
    pending: Revision
    correction_ids: list[int] = field(default_factory=list)


# The pre-publish checklist reads the plain-text title as HTML and would stop
# payloads such as ``<img src=x>`` at submission; the point here is what
# happens to them once published.
NO_CHECKLIST = {name: checklist.OFF for name in checklist.DEFAULT_LEVELS}


@override_settings(FILMSITE_PREPUBLISH_CHECKLIST=NO_CHECKLIST)
def build(payloads, *, picture=None) -> list[HostileArticle]:
    editor, moderator = EditorFactory(), ModeratorFactory()
    reader = Client()
    # One upload, copied per article: re-encoding is not what is tested here.
    original = store_upload(data=picture or hostile.picture((320, 200)))
    built = []
    for number, payload in enumerate(payloads):
        film = Film.objects.create(
            title=fit(payload, 200),
            original_title=fit(payload, 200),
            slug=f"hostile-film-{number}",
            year=2019,
            country=fit(payload, 100),
            original_language=fit(payload, 100),
            director=fit(payload, 200),
            genre=fit(payload, 100),
            synopsis=payload,
        )
        Credit.objects.create(
            film=film,
            actor=fit(payload, 200),
            character=fit(payload, 200),
            character_note=fit(payload, 200),
        )
        Availability.objects.create(
            film=film,
            service=fit(payload, 100),
            audio=fit(payload, 200),
            subtitles=fit(payload, 200),
            url=fit(payload, 200),
        )
        Rating.objects.create(
            film=film,
            source=fit(payload, 100),
            label=fit(payload, 100),
            value=Decimal("8.2"),
            best=Decimal("10"),
            as_of=date(2024, 1, 15),
            url=fit(payload, 200),
        )
        author = Author.objects.create(
            name=fit(payload, 200), slug=f"hostile-author-{number}", bio=payload
        )
        image = Image.objects.get(pk=original.pk)
        image.pk, image.key = None, f"{original.key[:56]}-{number}"
        image.alt_text, image.caption, image.credit = payload[:250], payload[:250], payload[:250]
        image.save()
        article = Article.objects.create(
            title=fit(payload, 200),
            slug=f"hostile-article-{number}",
            film=film,
            author=author,
            standfirst=fit(payload, 600),
            meta_description=fit(payload, 160),
            verdict="no",
            verdict_explanation=payload,
            disclaimer=payload,
            hero_image=image,
        )
        Section.objects.create(article=article, heading=fit(payload, 200), body=payload)
        Section.objects.create(
            article=article,
            heading=fit(payload, 200),
            body=payload,
            is_spoiler=True,
            spoiler_warning=fit(payload, 200),
            sort_order=1,
        )
        Question.objects.create(article=article, question=fit(payload, 300), answer=payload)
        Question.objects.create(
            article=article,
            question=fit(payload, 300),
            answer=payload,
            is_spoiler=True,
            sort_order=1,
        )
        summary = fit(payload, 300)
        first = workflow.submit(article=article, user=editor, change_summary=summary).revision
        workflow.approve(revision=first, user=moderator, comment=payload)
        article.standfirst = fit(f"Changed: {payload}", 600)
        article.save()
        second = workflow.submit(article=article, user=editor, change_summary=summary).revision
        workflow.request_changes(revision=second, user=moderator, comment=payload)
        pending = workflow.submit(article=article, user=editor, change_summary=summary).revision
        built.append(HostileArticle(payload, article, film, author, pending))
        reader.post(
            reverse("corrections:suggest", kwargs={"slug": article.slug}),
            {"message": f"Reader says: {payload}"[:2000], "email": "", "website": ""},
        )
    return built
