"""What an import is asked to do, and what became of each article."""

from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import ValidationError

from articles.models import Article

from .records import ImportProblem


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass
class Options:
    user: object
    publish: bool = False
    create_films: bool = False
    create_authors: bool = False
    dry_run: bool = False
    change_summary: str = ""
    # Films created by this import that are remakes of a film it may create later.
    adaptations: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Result:
    outcome: Outcome
    article: Article | None = None
    warnings: list[str] = field(default_factory=list)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(m.rstrip('.') + '.' for m in messages)}"
            if name != "__all__"
            else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def clean(instance, what: str, line: int | None, exclude=None) -> None:
    """The model's own validation, its errors as one ImportProblem naming ``what``."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ImportProblem(f"{what}: {_messages(error)}", line) from None
