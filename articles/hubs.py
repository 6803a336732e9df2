"""Verdict hubs: the three shelves readers browse by ("True stories", "Based on real
events", "Fiction"), each a fixed set of the verdict values articles carry."""

from dataclasses import dataclass

from .models import Verdict


@dataclass(frozen=True)
class Hub:
    slug: str
    name: str
    verdicts: tuple[str, ...]
    intro: str


HUBS = [
    Hub(
        "true-stories",
        "True stories",
        (Verdict.YES,),
        "Films that retell real events with real people, and how close they stay to the record.",
    ),
    Hub(
        "based-on-real-events",
        "Based on real events",
        (Verdict.PARTLY, Verdict.INSPIRED),
        "Films that mix history with invention, or take a real case only as their starting "
        "point: what is real, and what was made up.",
    ),
    Hub(
        "fiction",
        "Fiction",
        (Verdict.NO,),
        "Films that feel real but are not: invented stories, remakes of other fiction, and "
        "films that claim to be true when they are not.",
    ),
]

HUB_BY_SLUG = {hub.slug: hub for hub in HUBS}


def hub_for(verdict: str) -> Hub | None:
    """The hub an article with ``verdict`` belongs to."""
    return next((hub for hub in HUBS if verdict in hub.verdicts), None)
