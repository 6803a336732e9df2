"""Writing demo rows validated like a form would, so bad demo text fails loudly."""

from django.core.exceptions import ValidationError


class DemoError(Exception):
    """Why the demo could not be loaded, in one line a person can act on."""


def upsert(model, lookup: dict, values: dict):
    """Create or update one row, validated like a form would; return (row, state)."""
    row = model.objects.filter(**lookup).first()
    state = "created" if row is None else "unchanged"
    if row is None:
        row = model(**lookup)
    for name, value in values.items():
        if state == "created" or getattr(row, name) != value:
            setattr(row, name, value)
            state = "updated" if state == "unchanged" else state
    if state != "unchanged":
        try:
            row.full_clean()
        except ValidationError as error:
            problems = "; ".join(
                f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
            )
            raise DemoError(
                f"Demo {model._meta.verbose_name} {lookup} is invalid: {problems}"
            ) from error
        row.save()
    return row, state


def add(row) -> None:
    """Save a new row after validating it."""
    try:
        row.full_clean()
    except ValidationError as error:
        raise DemoError(f"Demo text “{row}” is invalid: {' '.join(error.messages)}") from error
    row.save()
