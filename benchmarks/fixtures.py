"""A long article for the benchmarks, published through the workflow."""

from django.contrib.auth import get_user_model

from articles import workflow
from articles.models import Article, Section
from faq.models import Question
from films.models import Author, Film

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


MISS = "/_bench/miss"  # see benchmarks/urls.py


def bench_pages() -> dict[str, tuple[str, str]]:
    """{page name: (address, how it is served)}, in the order the benchmark runs them.

    "ceiling" is the minimal view, "hit" a page from the page cache, "miss" a
    page rendered by its view on every request (never stored or read).
    """
    from django.urls import reverse

    from articles.listing import CURSOR, cursor_of
    from articles.models import Publication, Revision

    demo = Revision.objects.live().select_related("film").get(slug=DEMO_SLUG)
    long = Revision.objects.live().get(slug="benchmark-long-explainer")
    # A deep page of the article list: 10,000 articles in (page 500 of 20),
    # or as deep as a smaller site goes.
    live = Revision.objects.live().newest_first()
    depth = min(10_000, max(0, Publication.objects.live().count() - 21))
    deep = live[depth]
    author = (
        Publication.objects.live()
        .exclude(author_id=demo.author_id)
        .values_list("author__slug", flat=True)
        .first()
    ) or demo.author.slug
    article = demo.get_absolute_url()
    return {
        "ceiling": ("/_bench/ceiling/", "ceiling"),
        "article": (article, "hit"),
        "home": ("/", "hit"),
        "article (miss)": (MISS + article, "miss"),
        "long article (miss)": (MISS + long.get_absolute_url(), "miss"),
        "home (miss)": (MISS + "/", "miss"),
        "article list (miss)": (MISS + reverse("articles:article_list"), "miss"),
        "article list, 10,000 deep (miss)": (
            MISS + reverse("articles:article_list") + f"?{CURSOR}={cursor_of(deep)}",
            "miss",
        ),
        "film (miss)": (MISS + demo.film.get_absolute_url(), "miss"),
        "author (miss)": (MISS + reverse("articles:author", kwargs={"slug": author}), "miss"),
        "verdict hub (miss)": (MISS + reverse("articles:hub", kwargs={"slug": "fiction"}), "miss"),
        "topic (miss)": (
            MISS + reverse("topics:topic", kwargs={"slug": "remakes"}),
            "miss",
        ),
        "feed (miss)": (MISS + reverse("discovery:feed_rss"), "miss"),
        "sitemap index (miss)": (MISS + reverse("discovery:sitemap"), "miss"),
        "sitemap page (miss)": (
            MISS + reverse("discovery:sitemap_section", kwargs={"section": "articles"}) + "?p=1",
            "miss",
        ),
    }


DEMO_SLUG = "is-miracle-in-cell-no-7-a-true-story"
