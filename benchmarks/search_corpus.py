"""A synthetic site for the search benchmark, bulk-inserted in the workflow's end state.

Made-up but realistic in shape: films with two- or three-word titles and
four credited actors, some remakes sharing a title, one explainer per film
half the time, two sections (one a spoiler) and three questions each. Every
article has one live revision; about one in fifty also has a revision
scheduled for next week, as the workflow leaves a scheduled replacement.
Words are built from syllables, so titles and names are varied as real ones
are and a query's matches grow with the site as they would.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from articles.models import Article, Revision
from films.models import Author, Credit, Film

_SYLLABLES = (
    "ka ra mi lo ve ta sun den mar el or an is ko gu zel ba ri no va de li sa tor "
    "hel rin dor fa la mun cel wy bro ste qui zan pe tri"
)
SYLLABLES = _SYLLABLES.split()
_BODY_WORDS = (
    "the film story father daughter prison village teacher journey family secret "
    "letter winter summer memory court trial friend brother sister mother war city "
    "river island road night morning promise escape return music school doctor "
    "soldier farmer captain storm train ship border garden house market"
)
BODY_WORDS = _BODY_WORDS.split()
BATCH = 2000


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def name(rng: random.Random) -> str:
    return f"{word(rng).title()} {word(rng).title()}"


def sentence(rng: random.Random, names: list[str]) -> str:
    words = [rng.choice(BODY_WORDS) for _ in range(rng.randint(8, 14))]
    words.insert(rng.randrange(len(words)), rng.choice(names))
    return " ".join(words).capitalize() + "."


def paragraph(rng, names, sentences=4) -> str:
    return " ".join(sentence(rng, names) for _ in range(sentences))


def generate(articles: int, *, seed: int = 7) -> dict:
    """Create ``articles`` published articles (and twice as many films); return sample words."""
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        author = Author.objects.create(name="Benchmark desk", slug="benchmark-desk")
        films, credits = [], []
        for n in range(articles * 2):
            remake = n % 10 == 9 and films  # some remakes share an earlier title
            title = (
                films[-3].title
                if remake
                else " ".join(word(rng) for _ in range(rng.randint(2, 3))).title()
            )
            films.append(
                Film(
                    title=title,
                    original_title=word(rng).title() if n % 3 == 0 else "",
                    slug=f"film-{n}",
                    year=1950 + n % 75,
                    country="Nowhere",
                    director=name(rng),
                    synopsis=paragraph(rng, [title], 2),
                )
            )
        Film.objects.bulk_create(films, batch_size=BATCH)
        for film in films:
            for order in range(4):
                credits.append(
                    Credit(
                        film=film, actor=name(rng), character=word(rng).title(), sort_order=order
                    )
                )
        Credit.objects.bulk_create(credits, batch_size=BATCH)
        cast = {}
        for credit in credits:
            cast.setdefault(credit.film_id, []).append(credit)
        rows, revisions = [], []
        for n in range(articles):
            film = films[n * 2]
            rows.append(
                Article(
                    title=f"Is {film.title} a true story? Plot and ending explained",
                    slug=f"article-{n}",
                    film=film,
                    author=author,
                    standfirst=paragraph(rng, [film.title], 1),
                    meta_description="A synthetic explainer.",
                    verdict="no",
                    verdict_explanation="Invented.",
                )
            )
        Article.objects.bulk_create(rows, batch_size=BATCH)
        for n, article in enumerate(rows):
            film = article.film
            names = [film.title, *(c.character for c in cast[film.pk])]
            content = {
                "verdict": "no",
                "hero": None,
                "verdict_html": f"<p>{paragraph(rng, names, 1)}</p>",
                "disclaimer_html": "",
                "sections": [
                    {"heading": "The film in brief", "anchor": "brief",
                     "html": f"<p>{paragraph(rng, names)}</p><p>{paragraph(rng, names)}</p>",
                     "is_spoiler": False, "spoiler_warning": ""},
                    {"heading": "Ending explained", "anchor": "ending",
                     "html": f"<p>{paragraph(rng, names)}</p>",
                     "is_spoiler": True, "spoiler_warning": ""},
                ],
                "questions": [
                    {"question": f"Who plays {c.character}?", "answer_html": f"<p>{c.actor}.</p>",
                     "is_spoiler": False}
                    for c in cast[film.pk][:3]
                ],
            }  # fmt: skip
            fields = dict(
                article=article, title=article.title, slug=article.slug,
                standfirst=article.standfirst, meta_description=article.meta_description,
                film=film, author=author, content=content, status=Revision.Status.APPROVED,
            )  # fmt: skip
            went_live = now - timedelta(days=1 + n % 900)
            revisions.append(
                Revision(number=1, go_live_at=went_live, reviewed_at=went_live, **fields)
            )
            if n % 50 == 49:
                revisions.append(
                    Revision(
                        number=2, go_live_at=now + timedelta(days=7), reviewed_at=now, **fields
                    )
                )
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
    # Words to search for: from a film in the middle of the site, so the
    # query finds a real page at every size.
    sample = films[articles]  # an even index: it has an article
    first_word = sample.title.split()[0]
    return {
        "one_word": first_word,
        "three_words": f"{sample.title.split()[0]} {cast[sample.pk][0].actor}",
        # One letter typed twice, as a hurried reader does.
        "typo": first_word[:3] + first_word[2] + first_word[3:],
        "common": "true story",
    }
