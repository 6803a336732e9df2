"""Synthetic content at scale, for benchmarks: ``manage.py generate_content``.

Films (with cast, where to watch, ratings and remakes), authors, and articles
with sections, spoilers and FAQs, each with 1 to 5 revisions: some minor, some
scheduled for later, a few waiting for review or sent back, a few articles
unpublished. Everything is written with bulk inserts, but ends in exactly the
state the workflow would have produced:

- revision content is what ``articles.snapshot.freeze`` makes of the working
  copy (Markdown rendered and sanitized by the same function; checked on a
  sample after the run);
- each article's publication state comes from ``live_state``, the rule the
  workflow applies;
- ``workflow.check_invariants`` then checks every article's revisions and
  publication state against the workflow's rules.

Markdown is rendered once per text template with placeholder words, then the
names are put in: the names are plain words, so the result is byte for byte
what rendering each text would give (the sample check proves it).
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import workflow
from articles.models import Article, Publication, Revision, Section
from articles.models.publication import live_state
from articles.snapshot import RESERVED_ANCHORS, freeze, unique_anchor
from faq.models import Question
from films.models import Author, Availability, Credit, Film, Rating
from writing.markdown import render_markdown
from writing.reading_time import reading_minutes

Status = Revision.Status
BATCH = 2000
PREFIX = "generated-"

WORDS = [
    "amber",
    "harbour",
    "silent",
    "winter",
    "garden",
    "river",
    "lantern",
    "quiet",
    "northern",
    "hollow",
    "crimson",
    "valley",
    "distant",
    "summer",
    "echo",
    "iron",
    "paper",
    "glass",
    "velvet",
    "morning",
    "shadow",
    "golden",
    "broken",
    "hidden",
    "last",
    "second",
    "little",
    "long",
    "open",
    "secret",
    "wild",
]
COUNTRIES = ["Turkey", "South Korea", "France", "Italy", "Japan", "Spain", "Brazil", "Norway"]
GENRES = ["drama", "comedy-drama", "thriller", "romance", "mystery", "war drama"]
FIRST = [
    "Ada",
    "Bora",
    "Cem",
    "Deniz",
    "Ela",
    "Fikret",
    "Gul",
    "Hana",
    "Ilker",
    "Jun",
    "Kaan",
    "Lale",
    "Mina",
    "Nur",
    "Oya",
]
LAST = [
    "Aksoy",
    "Baran",
    "Celik",
    "Demir",
    "Eren",
    "Kaya",
    "Ozturk",
    "Park",
    "Sahin",
    "Tekin",
    "Yilmaz",
    "Kim",
]

SECTIONS = [
    (
        "The film in brief",
        "**TTITLE** (TYEAR) is a TGENRE from TCOUNTRY. It follows "
        "TLEAD through one difficult year, and it asks what a family owes its own.",
        False,
        "",
    ),
    (
        "Who is who",
        "TLEAD is played by TACTOR. The story is told mostly through the eyes "
        "of TSECOND, who narrates the *first* and the last scenes.",
        False,
        "",
    ),
    (
        "Plot",
        "TLEAD leaves home after a quarrel. In the city, TSECOND helps "
        "TLEAD find work, and the two plan a way back.\n\n- a letter\n- a journey\n- a choice",
        False,
        "",
    ),
    (
        "Ending explained",
        "In the last scene TLEAD returns home and forgives TSECOND. "
        "The final shot repeats the opening, so the story closes a circle.",
        True,
        "reveals the ending",
    ),
]
QUESTIONS = [
    ("Is TTITLE based on a true story?", "No. TTITLE is fiction, written for the screen.", False),
    ("Who plays TLEAD in TTITLE?", "TACTOR plays TLEAD.", False),
    ("Where can I watch TTITLE?", "See *where to watch* in the film facts.", False),
    ("What happens to TLEAD at the end?", "TLEAD comes home and is forgiven.", True),
]
VERDICT = "Nothing in **TTITLE** is taken from real events; the names are invented."
PLACEHOLDERS = ["TTITLE", "TYEAR", "TGENRE", "TCOUNTRY", "TLEAD", "TSECOND", "TACTOR"]


@dataclass
class Counts:
    films: int = 0
    authors: int = 0
    articles: int = 0
    revisions: int = 0
    live: int = 0
    scheduled: int = 0
    unpublished: int = 0
    pending: int = 0


class GenerationError(Exception):
    """Why content could not be generated, in one line."""


class _Texts:
    """Markdown templates rendered once; names substituted into the HTML."""

    def __init__(self):
        self.cache = {}

    def html(self, template: str, names: dict) -> str:
        if template not in self.cache:
            self.cache[template] = render_markdown(template)
        return _fill(self.cache[template], names)


def _fill(text: str, names: dict) -> str:
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, names[placeholder])
    return text


def _names_for(film: Film, cast: list[tuple[str, str]]) -> dict:
    return {
        "TTITLE": film.title,
        "TYEAR": str(film.year),
        "TGENRE": film.genre,
        "TCOUNTRY": film.country,
        "TLEAD": cast[0][1],
        "TSECOND": cast[1][1],
        "TACTOR": cast[0][0],
    }


def generate(*, articles: int, films: int | None, seed: int = 9, progress=None) -> Counts:
    if articles < 1:
        raise GenerationError("--articles must be at least 1.")
    films = films or max(1, articles // 3)
    if films < 1:
        raise GenerationError("--films must be at least 1.")
    if Film.objects.filter(slug__startswith=PREFIX).exists():
        raise GenerationError(
            "Generated content is already in this database; use a fresh database "
            "(generated rows are never rewritten)."
        )
    rng = random.Random(seed)
    now = timezone.now()
    counts = Counts()
    texts = _Texts()
    with transaction.atomic():
        film_rows, cast = _films(rng, films, counts)
        authors = _authors(rng, max(3, articles // 2000), counts)
        for start in range(0, articles, BATCH):
            size = min(BATCH, articles - start)
            _articles(rng, start, size, film_rows, cast, authors, texts, now, counts)
            if progress:
                progress(start + size, articles)
    return counts


def _films(rng, count, counts):
    rows = []
    for n in range(count):
        title = f"The {rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {n}"
        rows.append(
            Film(
                title=title,
                original_title=title.upper() if n % 4 == 0 else "",
                slug=f"{PREFIX}{slugify(title)}",
                year=1990 + n % 35,
                country=COUNTRIES[n % len(COUNTRIES)],
                original_language="English",
                director=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                genre=GENRES[n % len(GENRES)],
                runtime_minutes=85 + n % 60,
                synopsis=f"A spoiler-free synopsis of {title}: a family, a journey, a choice.",
            )
        )
    Film.objects.bulk_create(rows, batch_size=BATCH)
    rows = list(Film.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    # One film in six remakes an earlier one, as the demo's remakes do.
    remakes = [f for i, f in enumerate(rows) if i % 6 == 5]
    for film in remakes:
        film.adaptation_of = rows[rows.index(film) - 5]
    Film.objects.bulk_update(remakes, ["adaptation_of"], batch_size=BATCH)
    credits, places, ratings, cast = [], [], [], {}
    for film in rows:
        people = []
        for order in range(3 + film.pk % 4):
            actor = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            character = f"{rng.choice(FIRST)}"
            people.append((actor, character))
            credits.append(Credit(film=film, actor=actor, character=character, sort_order=order))
        cast[film.pk] = people
        places.append(
            Availability(film=film, service="Netflix", audio="English", subtitles="English")
        )
        ratings.append(
            Rating(
                film=film, source="IMDb", value=Decimal("7.1"), best=Decimal(10), as_of=now_date()
            )
        )
    Credit.objects.bulk_create(credits, batch_size=BATCH)
    Availability.objects.bulk_create(places, batch_size=BATCH)
    Rating.objects.bulk_create(ratings, batch_size=BATCH)
    counts.films = len(rows)
    return rows, cast


def now_date():
    return timezone.localdate()


def _authors(rng, count, counts):
    rows = [
        Author(
            name=f"{FIRST[n % len(FIRST)]} {LAST[n % len(LAST)]} {n}",
            slug=f"{PREFIX}author-{n}",
            bio="Writes film explainers.",
        )
        for n in range(count)
    ]
    Author.objects.bulk_create(rows)
    counts.authors = count
    return list(Author.objects.filter(slug__startswith=PREFIX).order_by("pk"))


def _history(rng, now):
    """Statuses, go-lives and minor flags for one article's revisions, oldest first."""
    count = rng.choices([1, 2, 3, 4, 5], weights=[40, 30, 15, 10, 5])[0]
    first = now - timedelta(days=rng.uniform(30, 6 * 365))
    steps, moment = [], first
    for number in range(1, count + 1):
        if number > 1:
            # Later, but still in the past: halfway to now when the gap would overshoot.
            later = moment + timedelta(days=rng.uniform(0.5, 60))
            moment = later if later < now - timedelta(hours=1) else moment + (now - moment) / 2
        steps.append([Status.APPROVED, moment, number > 1 and rng.random() < 0.3])
    roll = rng.random()
    unpublished = False
    if count > 1 and roll < 0.03:  # waiting for review
        steps[-1] = [Status.PENDING, None, steps[-1][2]]
    elif count > 1 and roll < 0.05:  # sent back
        steps[-1] = [Status.CHANGES_REQUESTED, None, steps[-1][2]]
    elif count > 1 and roll < 0.08:  # approved for later
        steps[-1] = [Status.APPROVED, now + timedelta(hours=rng.uniform(1, 24 * 30)), False]
    elif roll < 0.09:
        unpublished = True
    return steps, unpublished


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    """INSERT rows straight into ``model``'s table (bulk_create's per-value work
    dominates at this scale); values are already in the database's types."""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _articles(rng, start, size, films, cast, authors, texts, now, counts):
    when = connection.ops.adapt_datetimefield_value
    as_json = connection.ops.adapt_json_value
    plans, article_rows = [], []
    for n in range(start, start + size):
        film = films[n % len(films)]
        author = authors[n % len(authors)]
        names = _names_for(film, cast[film.pk])
        title = f"Is {film.title} a true story? Plot and ending explained ({n})"
        steps, unpublished = _history(rng, now)
        slug = f"{PREFIX}{slugify(title)}"
        # The working copy was last saved when its newest revision was frozen.
        created = steps[0][1] - timedelta(days=1)
        last_saved = (steps[-1][1] or now) - timedelta(hours=2)
        article = {
            "title": title,
            "slug": slug,
            "film_id": film.pk,
            "author_id": author.pk,
            "standfirst": f"No: {film.title} is fiction. Here is what happens, spoilers folded.",
            "meta_description": f"Is {film.title} ({film.year}) a true story? The answer, "
            "the plot and the ending explained.",
            "verdict": "no",
            "verdict_explanation": _fill(VERDICT, names),
            "disclaimer": "",
        }
        article_rows.append((*article.values(), when(created), when(min(last_saved, now)), 1))
        plans.append((article, film, author, names, steps, unpublished, last_saved))
    _insert(Article, [*plans[0][0].keys(), "created_at", "updated_at", "version"], article_rows)
    ids = dict(
        Article.objects.filter(slug__in=[plan[0]["slug"] for plan in plans]).values_list(
            "slug", "pk"
        )
    )

    sections, questions, revisions = [], [], []
    for article, film, author, names, steps, _, last_saved in plans:
        article_id = ids[article["slug"]]
        for order, (heading, body, spoiler, warning) in enumerate(SECTIONS):
            sections.append(
                (article_id, _fill(heading, names), _fill(body, names), spoiler, warning, order)
            )
        for order, (question, answer, spoiler) in enumerate(QUESTIONS):
            questions.append(
                (article_id, _fill(question, names), _fill(answer, names), spoiler, order)
            )
        content = _content(names, texts)
        for number, (status, go_live_at, minor) in enumerate(steps, start=1):
            frozen_at = min((go_live_at or last_saved) - timedelta(hours=1), now)
            reviewed = (
                None if status == Status.PENDING else min(frozen_at + timedelta(minutes=30), now)
            )
            revisions.append(
                (
                    article_id,
                    number,
                    status,
                    article["title"],
                    article["slug"],
                    article["standfirst"],
                    article["meta_description"],
                    film.pk,
                    author.pk,
                    as_json(
                        _timed(
                            content if number == len(steps) else _older(content, number),
                            article["standfirst"],
                        ),
                        None,
                    ),
                    "" if number == 1 else f"Update {number}.",
                    minor,
                    when(frozen_at),
                    when(reviewed) if reviewed else None,
                    "Please check the cast." if status == Status.CHANGES_REQUESTED else "",
                    when(go_live_at) if go_live_at else None,
                )
            )
    _insert(
        Section,
        ["article_id", "heading", "body", "is_spoiler", "spoiler_warning", "sort_order"],
        sections,
    )
    _insert(Question, ["article_id", "question", "answer", "is_spoiler", "sort_order"], questions)
    _insert(
        Revision,
        [
            "article_id",
            "number",
            "status",
            "title",
            "slug",
            "standfirst",
            "meta_description",
            "film_id",
            "author_id",
            "content",
            "change_summary",
            "is_minor",
            "created_at",
            "reviewed_at",
            "review_comment",
            "go_live_at",
        ],
        revisions,
    )

    approved = {}
    for revision in Revision.objects.filter(
        article_id__in=ids.values(), status=Status.APPROVED
    ).values_list(
        "pk", "article_id", "number", "go_live_at", "is_minor", "film_id", "author_id", "slug"
    ):
        row = _Approved(*revision)
        approved.setdefault(row.article_id, []).append(row)
    publications, unpublish = [], []
    for article, _, _, _, steps, unpublished, _ in plans:
        article_id = ids[article["slug"]]
        counts.articles += 1
        counts.revisions += len(steps)
        counts.pending += steps[-1][0] == Status.PENDING
        mine = approved.get(article_id, [])
        unpublished_at = None
        if unpublished:
            # Unpublished an hour after its newest revision went live.
            unpublished_at = min(max(r.go_live_at for r in mine) + timedelta(hours=1), now)
            unpublish.append((when(unpublished_at), article_id))
            counts.unpublished += 1
        state = live_state(mine, unpublished_at=unpublished_at, now=now)
        live = next((r for r in mine if r.pk == state.revision_id), None)
        counts.live += live is not None
        counts.scheduled += state.next_go_live_at is not None
        publications.append(
            (
                article_id,
                live.pk if live else None,
                live.slug if live else "",
                live.film_id if live else None,
                live.author_id if live else None,
                article["verdict"] if live else "",
                when(state.published_at) if state.published_at else None,
                when(state.updated_at) if state.updated_at else None,
                when(state.next_go_live_at) if state.next_go_live_at else None,
                "",
                as_json([], None),
                0,
                as_json({}, None),  # cards are built by the first listing showing them
                "",
            )
        )
    if unpublish:
        with connection.cursor() as cursor:
            quote = connection.ops.quote_name
            cursor.executemany(
                f"UPDATE {quote(Article._meta.db_table)} SET unpublished_at = %s WHERE id = %s",
                unpublish,
            )
    _insert(
        Publication,
        [
            "article_id",
            "live_revision_id",
            "slug",
            "film_id",
            "author_id",
            "verdict",
            "published_at",
            "updated_at",
            "next_go_live_at",
            "page_html",
            "page_tags",
            "page_stamp",
            "card",
            "card_version",
        ],
        publications,
    )


@dataclass(frozen=True)
class _Approved:
    pk: int
    article_id: int
    number: int
    go_live_at: object
    is_minor: bool
    film_id: int
    author_id: int
    slug: str


def _content(names, texts) -> dict:
    """What ``freeze`` makes of a generated working copy (check_sample compares)."""
    taken = set(RESERVED_ANCHORS)
    return {
        "verdict": "no",
        "hero": None,
        "verdict_html": texts.html(VERDICT, names),
        "verdict_markdown": _fill(VERDICT, names),
        "disclaimer_html": "",
        "disclaimer_markdown": "",
        "sections": [
            {
                "heading": _fill(heading, names),
                "anchor": unique_anchor(_fill(heading, names), taken),
                "html": texts.html(body, names),
                "markdown": _fill(body, names),
                "is_spoiler": spoiler,
                "spoiler_warning": warning,
            }
            for heading, body, spoiler, warning in SECTIONS
        ],
        "questions": [
            {
                "question": _fill(question, names),
                "answer_html": texts.html(answer, names),
                "answer_markdown": _fill(answer, names),
                "is_spoiler": spoiler,
            }
            for question, answer, spoiler in QUESTIONS
        ],
    }


def _timed(content: dict, standfirst: str) -> dict:
    """``content`` with the reading time ``freeze`` counts (articles/snapshot.py)."""
    minutes = reading_minutes(
        standfirst,
        content["verdict_html"],
        *(section["html"] for section in content["sections"]),
        *(item["question"] + " " + item["answer_html"] for item in content["questions"]),
    )
    return {**content, "reading_minutes": minutes}


def _older(content: dict, number: int) -> dict:
    """An earlier revision: the same page with a shorter first section."""
    sections = [dict(s) for s in content["sections"]]
    first = sections[0]
    first["html"] = first["html"].replace("</p>", f" (Version {number}.)</p>", 1)
    first["markdown"] = first["markdown"].replace("own.", f"own. (Version {number}.)", 1)
    return {**content, "sections": sections}


def check_sample(size: int = 50, seed: int = 9) -> list[str]:
    """Compare the newest revision of sampled articles with a real ``freeze``."""
    ids = list(Article.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
    problems = []
    for pk in random.Random(seed).sample(ids, min(size, len(ids))):
        article = Article.objects.get(pk=pk)
        newest = article.revisions.order_by("-number").first()
        frozen = freeze(article)
        if not workflow.same_content(newest, frozen):
            problems.append(f"article {pk}: revision {newest.number} differs from freeze()")
    return problems


def analyze():
    """Fresh planner statistics after a bulk load (both databases want them)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
