"""Demo topics: shelves an editor would make from the demo's films and explainers.

Created once; their films and explainers are set only when the topic is
created, so loading the demo again never undoes a moderator's changes.
"""

from articles.models import Article
from topics.changes import members, topic_changed
from topics.models import Topic

from .rows import upsert

TOPICS = [
    {
        "slug": "miracle-in-cell-no-7-every-version",
        "name": "Miracle in Cell No. 7: every version",
        "intro": "The 2013 South Korean original and its remakes in Turkey, the Philippines "
        "and Indonesia, with our explainers.",
        "films": [
            "miracle-in-cell-no-7-2013",
            "miracle-in-cell-no-7-2019",
            "miracle-in-cell-no-7-philippines-2019",
            "miracle-in-cell-no-7-indonesia-2022",
        ],
        "articles": ["is-miracle-in-cell-no-7-a-true-story"],
    },
    {
        "slug": "remakes",
        "name": "Remakes: the original and the new version",
        "intro": "Stories told twice, in another decade or another country: which film came "
        "first, and what each version is based on.",
        "films": [
            "miracle-in-cell-no-7-2013",
            "miracle-in-cell-no-7-2019",
            "psycho-1960",
            "psycho-1998",
            "ringu-1998",
            "the-ring-2002",
        ],
        "articles": [
            "is-miracle-in-cell-no-7-a-true-story",
            "is-psycho-1960-based-on-a-true-story",
            "is-ringu-a-true-story",
        ],
    },
    {
        "slug": "horror",
        "name": "Horror: how much of it happened?",
        "intro": "Horror films often claim a real case behind them. What is documented, what "
        "is claimed, and what is invented.",
        "films": ["psycho-1960", "the-conjuring-2013", "ringu-1998"],
        "articles": [
            "is-psycho-1960-based-on-a-true-story",
            "is-the-conjuring-a-true-story",
            "is-ringu-a-true-story",
        ],
    },
]


def load(report: list[str], film_by_slug) -> None:
    states = []
    for spec in TOPICS:
        topic, state = upsert(
            Topic, {"slug": spec["slug"]}, {"name": spec["name"], "intro": spec["intro"]}
        )
        if state == "created":
            before = members(topic)
            topic.films.set([film_by_slug[slug] for slug in spec["films"]])
            topic.articles.set(Article.objects.filter(slug__in=spec["articles"]))
            topic_changed(topic.pk, before, members(topic))
        states.append(state)
    report.append(
        f"Topics: {states.count('created')} created, "
        f"{len(states) - states.count('created')} already there (their lists left as they are)."
    )
