"""Film facts that go stale: where to watch, and quoted ratings.

Each line carries a "checked on" date. After ``FILMSITE_FACTS_MAX_AGE_DAYS``
(90 by default) a film with an older line shows up on the desk's "facts to
re-check" list, until someone confirms them (``films.facts.confirm_facts``).
"""

from django.db.models import Count, Exists, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, Least

from films.models import Availability, Film, Rating

from .models import Article


def _oldest(model):
    return Subquery(
        model.objects.filter(film=OuterRef("pk"))
        .order_by()
        .values("film")
        .annotate(oldest=Min("checked_on"))
        .values("oldest")[:1]
    )


def films_to_recheck(cutoff):
    """Films with articles whose where-to-watch lines or ratings were checked before ``cutoff``.

    Oldest first; ``facts_checked_on`` is the oldest "checked on" date.
    """
    cutoff = cutoff.date() if hasattr(cutoff, "date") else cutoff
    stale = Exists(
        Availability.objects.filter(film=OuterRef("pk"), checked_on__lt=cutoff)
    ) | Exists(Rating.objects.filter(film=OuterRef("pk"), checked_on__lt=cutoff))
    articles = (
        Article.objects.filter(film=OuterRef("pk"))
        .order_by()
        .values("film")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        Film.objects.filter(stale, Exists(Article.objects.filter(film=OuterRef("pk"))))
        .annotate(
            # Least() is NULL on SQLite when either side is; a film may lack one kind.
            facts_checked_on=Least(
                Coalesce(_oldest(Availability), _oldest(Rating)),
                Coalesce(_oldest(Rating), _oldest(Availability)),
            ),
            article_count=Subquery(articles),
        )
        .order_by("facts_checked_on", "pk")
    )
