"""What a topic edit refreshes: exactly the pages that show the topic.

Its own page, the topics index and the sitemap (``pages.TOPICS``), and the
pages of the articles and films it names now or named before the edit,
because each of those links to its topics (the article page by its article
tag; film pages by their film tag).
"""

from pagecache import pages


def members(topic) -> tuple[set[int], set[int]]:
    """(article ids, film ids) the saved ``topic`` names; empty for a new one."""
    if topic.pk is None:
        return set(), set()
    return (
        set(topic.articles.values_list("pk", flat=True)),
        set(topic.films.values_list("pk", flat=True)),
    )


def topic_changed(topic_id: int, before: tuple[set, set], after: tuple[set, set]) -> None:
    articles = before[0] | after[0]
    films = before[1] | after[1]
    pages.touch(
        pages.TOPICS,
        pages.topic_tag(topic_id),
        *(pages.article_tag(pk) for pk in sorted(articles)),
        *(pages.film_tag(pk) for pk in sorted(films)),
    )
