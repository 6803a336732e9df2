"""What readers see of a film or an author, as plain data that can be stored and laid back.

A change an editor saves to a film or an author is held for a moderator's
review (articles.reference_workflow): the rows always hold what readers see,
and the proposed state waits as a snapshot made by these functions. Only
what readers see counts in a snapshot: bookkeeping such as the "checked on"
dates of where-to-watch lines (kept only so a line laid back keeps its date)
and an author's staff account is never compared nor written over, so it
changes without a review and is never undone by one.
"""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, models

from images.models import Image

from .models import Author, Availability, Credit, Film, Rating

FILM_FIELDS = [
    "title",
    "original_title",
    "slug",
    "year",
    "country",
    "original_language",
    "director",
    "genre",
    "runtime_minutes",
    "synopsis",
    "poster_id",
    "adaptation_of_id",
]

# Each kind of line on a film: the key in a snapshot, its model and the fields readers see.
FILM_LINES = {
    "cast": (Credit, ["actor", "character", "character_note", "sort_order"]),
    "availability": (Availability, ["service", "audio", "subtitles", "url", "sort_order"]),
    "ratings": (Rating, ["source", "label", "value", "best", "as_of", "url", "sort_order"]),
}

# Kept with each line so a line laid back keeps its date, but never compared,
# diffed or written over an existing line: confirming facts needs no review.
BOOKKEEPING = {"availability": ["checked_on"], "ratings": ["checked_on"]}

AUTHOR_FIELDS = ["name", "slug", "bio", "photo_id"]


def _plain(value):
    # JSON keeps no Decimals or dates; strings compare exactly and read back exactly.
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, date):
        return value.isoformat()
    return value


def _values(model: type[models.Model], fields, data: dict) -> dict:
    values = {}
    for name in fields:
        field = model._meta.get_field(name.removesuffix("_id"))
        value = data.get(name)
        values[name] = None if value is None else field.to_python(value)
    return values


def film_snapshot(film: Film) -> dict:
    data = {name: _plain(getattr(film, name)) for name in FILM_FIELDS}
    for key, (model, fields) in FILM_LINES.items():
        rows = model.objects.filter(film_id=film.pk).order_by("sort_order", "pk")
        kept = [*fields, *BOOKKEEPING.get(key, [])]
        data[key] = [{"id": row.pk, **{f: _plain(getattr(row, f)) for f in kept}} for row in rows]
    return data


def apply_film(film_id: int, data: dict, *, updated_at) -> None:
    """Make the film's rows say what ``data`` says (keeping each line's id).

    Raises IntegrityError when it names a poster or an original film that is
    gone (checked here: PostgreSQL would only notice at the commit).
    """
    for name, model in (("poster_id", Image), ("adaptation_of_id", Film)):
        if data.get(name) and not model.objects.filter(pk=data[name]).exists():
            raise IntegrityError(f"{name} {data[name]} no longer exists")
    Film.objects.filter(pk=film_id).update(
        **_values(Film, FILM_FIELDS, data), updated_at=updated_at
    )
    for key, (model, fields) in FILM_LINES.items():
        rows = data.get(key, [])
        model.objects.filter(film_id=film_id).exclude(pk__in=[r["id"] for r in rows]).delete()
        bookkeeping = [name for name in BOOKKEEPING.get(key, []) if name in rows[0]] if rows else []
        for row in rows:
            values = _values(model, fields, row)
            if not model.objects.filter(pk=row["id"], film_id=film_id).update(**values):
                values.update(_values(model, bookkeeping, row))
                model.objects.create(pk=row["id"], film_id=film_id, **values)


def author_snapshot(author: Author) -> dict:
    return {name: getattr(author, name) for name in AUTHOR_FIELDS}


def apply_author(author_id: int, data: dict) -> None:
    """Raises IntegrityError when it names a photo that is gone (as apply_film)."""
    if data.get("photo_id") and not Image.objects.filter(pk=data["photo_id"]).exists():
        raise IntegrityError(f"photo_id {data['photo_id']} no longer exists")
    Author.objects.filter(pk=author_id).update(**_values(Author, AUTHOR_FIELDS, data))


def without_line_ids(data: dict) -> dict:
    """The snapshot as readers see it: a line deleted and typed again is the same line."""
    hidden = {"id", "checked_on"}
    return {
        key: [{k: v for k, v in row.items() if k not in hidden} for row in value]
        if key in FILM_LINES
        else value
        for key, value in data.items()
    }
