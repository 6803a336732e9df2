"""Long lists of live articles, newest first, paged by position rather than count.

A page is addressed by the article it starts after (``?before=<cursor>``), so
page 500 is one indexed range, like page 1, and nothing counts all articles.
The cursor is the first-publication time (microseconds) and the article id,
the order the ``publication_*`` indexes keep.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

CURSOR = "before"


@dataclass
class Page:
    items: list
    newer: str | None  # query string of the newer page ("" for the first page), or None
    older: str | None  # query string of the older page, or None

    @property
    def is_first(self) -> bool:
        return self.newer is None

    @property
    def has_other_pages(self) -> bool:
        return self.newer is not None or self.older is not None


class BadCursor(ValueError):
    pass


def cursor_of(item) -> str:
    """The cursor of a live article (its ``Publication``, or a revision from ``live()``)."""
    return _cursor(item.published_at, item.article_id)


def parse_cursor(value: str) -> tuple[datetime, int]:
    try:
        micros, article_id = (int(part) for part in value.split("-", 1))
        seconds, rest = divmod(micros, 1_000_000)
        return datetime.fromtimestamp(seconds, UTC).replace(microsecond=rest), article_id
    except (ValueError, OverflowError, OSError) as error:
        raise BadCursor(value) from error


def page_of(queryset, cursor: str | None, size: int) -> Page:
    """One page of ``queryset`` (live ``Publication`` rows) starting after ``cursor``.

    Raises BadCursor for a cursor that is not one (the view answers 404).
    """
    ordered = queryset.order_by("-published_at", "-article_id")
    if cursor:
        moment, article_id = parse_cursor(cursor)
        older = ordered.filter(published_at__lte=moment).exclude(
            published_at=moment, article_id__gte=article_id
        )
        newer = (
            queryset.filter(published_at__gte=moment)
            .exclude(published_at=moment, article_id__lt=article_id)
            .order_by("published_at", "article_id")
            .values_list("published_at", "article_id")[: size + 1]
        )
        newer = list(newer)
        if len(newer) <= size:
            newer_link = ""
        else:
            moment, article_id = newer[size]
            newer_link = f"?{CURSOR}={_cursor(moment, article_id)}"
    else:
        older, newer_link = ordered, None
    items = list(older[: size + 1])
    older_link = f"?{CURSOR}={cursor_of(items[size - 1])}" if len(items) > size else None
    return Page(items=items[:size], newer=newer_link, older=older_link)


def _cursor(moment: datetime, article_id: int) -> str:
    micros = int(moment.timestamp()) * 1_000_000 + moment.microsecond
    return f"{micros}-{article_id}"
