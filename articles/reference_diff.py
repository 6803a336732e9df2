"""What a proposed change to a film, an author or the site settings alters, field by field.

Compares two snapshots (films.reference, reference_workflow): each changed
field as its old and new value in words, and each line of cast, where to
watch and ratings as added, removed, changed or moved. Pictures and films a
snapshot names by id are shown by their names (a few queries, for the review
screen only).
"""

from dataclasses import dataclass, field

from films.models import Film
from films.reference import FILM_LINES
from images.models import Image

from .models import ReferenceRevision

LABELS = {
    "default_disclaimer": "default disclaimer",
    "poster_id": "poster",
    "photo_id": "photo",
    "adaptation_of_id": "remake of",
    "runtime_minutes": "running time (minutes)",
    "bio": "bio",
}
LINE_TITLES = {"cast": "Cast", "availability": "Where to watch", "ratings": "Ratings"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class LineChanges:
    title: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)

    def __bool__(self):
        return bool(self.added or self.removed or self.changed or self.moved)


@dataclass
class ReferenceDiff:
    fields: list[FieldChange]
    lines: list[LineChanges]

    def __bool__(self):
        return bool(self.fields or self.lines)

    def size(self) -> str:
        """The size of the change in words, for the desk and the queue."""
        parts = []
        if self.fields:
            parts.append(f"{len(self.fields)} field{'s' if len(self.fields) != 1 else ''}")
        for group in self.lines:
            count = len(group.added) + len(group.removed) + len(group.changed) + len(group.moved)
            parts.append(f"{count} {group.title.lower()} line{'s' if count != 1 else ''}")
        return ", ".join(parts) or "no visible change"


def _names(model, ids) -> dict:
    ids = {pk for pk in ids if pk}
    return {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)} if ids else {}


def _shown(name, value, names) -> str:
    if value in (None, ""):
        return "(empty)"
    if name in names:
        return names[name].get(value, f"(removed, id {value})")
    return str(value)


def _line_text(row: dict) -> str:
    hidden = {"id", "sort_order", "checked_on"}
    return " · ".join(str(v) for k, v in row.items() if k not in hidden and v)


def _lines(title, old_rows, new_rows) -> LineChanges:
    group = LineChanges(title)
    old_by_id = {row["id"]: row for row in old_rows}
    new_ids = {row["id"] for row in new_rows}
    for row in new_rows:
        before = old_by_id.get(row["id"])
        if before is None:
            group.added.append(_line_text(row))
        elif _line_text(before) != _line_text(row):
            group.changed.append((_line_text(before), _line_text(row)))
        elif before.get("sort_order") != row.get("sort_order"):
            group.moved.append(_line_text(row))
    group.removed = [_line_text(row) for row in old_rows if row["id"] not in new_ids]
    return group


def compare(kind: str, old: dict, new: dict, *, with_names: bool = True) -> ReferenceDiff:
    """The changes from ``old`` to ``new``; ``with_names=False`` (sizes only) runs no query."""
    names = {}
    if kind == ReferenceRevision.Kind.FILM and with_names:
        names = {
            "poster_id": _names(Image, {old.get("poster_id"), new.get("poster_id")}),
            "adaptation_of_id": _names(
                Film, {old.get("adaptation_of_id"), new.get("adaptation_of_id")}
            ),
        }
    if kind == ReferenceRevision.Kind.AUTHOR and with_names:
        names = {"photo_id": _names(Image, {old.get("photo_id"), new.get("photo_id")})}
    fields = [
        FieldChange(
            LABELS.get(name, name.replace("_", " ")),
            _shown(name, old.get(name), names),
            _shown(name, value, names),
        )
        for name, value in new.items()
        if name not in FILM_LINES and old.get(name) != value
    ]
    lines = [
        group
        for key, title in LINE_TITLES.items()
        if key in new and (group := _lines(title, old.get(key, []), new.get(key, [])))
    ]
    return ReferenceDiff(fields, lines)
