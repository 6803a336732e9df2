"""What the article page offers next: related explainers and the topics it belongs to.

Worked out when the page is built (once per live revision, and again when
something it shows changes; see views.ArticleDetailView), never per
request. The page is tagged with each related article, so one that is
unpublished or changed makes the page be built again without it.

Related explainers come in this order, without repeats, until ``LIMIT``:
the same story (the film, its original and the other versions), films
sharing an actor, the article's topics (its own or its film's), then the
same verdict. Each step is one query over indexed columns, at most four.
Cards are the stored ones (articles.cards): spoiler-free fields only.
"""

from django.db.models import Q

from films.models import Credit
from topics.models import Topic

from . import cards
from .models import Publication

LIMIT = 4


def topics_of(revision) -> list[Topic]:
    """The topics that name this article or its film, by name."""
    return list(
        Topic.objects.filter(Q(articles=revision.article_id) | Q(films=revision.film_id))
        .distinct()
        .only("name", "slug")
        .order_by("name")
    )


def related_explainers(revision, *, family_ids, topics) -> list[Publication]:
    """Up to ``LIMIT`` live articles to read next, with their stored cards."""
    live = Publication.objects.live().cards()
    shared_cast = Credit.objects.filter(
        actor__in=Credit.objects.filter(film_id=revision.film_id).values("actor")
    ).values("film_id")
    steps = [
        live.filter(film__in=[revision.film_id, *family_ids]),
        live.filter(film__in=shared_cast),
        live.filter(article__topics__in=[topic.pk for topic in topics]) if topics else None,
        live.with_verdicts([revision.verdict]) if revision.verdict else None,
    ]
    chosen: list[Publication] = []
    for step in steps:
        if step is None or len(chosen) >= LIMIT:
            continue
        taken = [revision.article_id, *(p.article_id for p in chosen)]
        found = step.exclude(article_id__in=taken).distinct().newest_first()
        chosen += list(found[: LIMIT - len(chosen)])
    return cards.ensure(chosen)
