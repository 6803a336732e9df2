"""What each save of the working copy contained, to show edit conflicts as a diff.

``record`` runs after the admin has saved the article with its sections and
questions; ``changes_between`` tells an editor whose save was refused what
the other person changed since the version they opened.
"""

from .diff import RevisionDiff, compare
from .models import Article, Revision, SavedVersion
from .snapshot import freeze


def record(*, article: Article, user) -> SavedVersion:
    frozen = freeze(article)
    saved, _ = SavedVersion.objects.update_or_create(
        article=article,
        version=article.version,
        defaults={"frozen": frozen, "saved_by": user},
    )
    old = SavedVersion.objects.filter(article=article).order_by("-version")[SavedVersion.KEEP :]
    SavedVersion.objects.filter(pk__in=list(old.values_list("pk", flat=True))).delete()
    return saved


def keep_opened(*, article: Article, frozen: dict) -> None:
    """Keep the version an editor is opening, if no save recorded it (older articles)."""
    SavedVersion.objects.get_or_create(
        article=article, version=article.version, defaults={"frozen": frozen}
    )


def _as_revision(article: Article, frozen: dict) -> Revision:
    revision = Revision(article=article, **frozen)
    return revision


def changes_between(*, article: Article, opened: int, current: int) -> RevisionDiff | None:
    """What changed from version ``opened`` to ``current``; None if either was not kept."""
    versions = {
        saved.version: saved
        for saved in SavedVersion.objects.filter(article=article, version__in=[opened, current])
    }
    if opened not in versions or current not in versions:
        return None
    return compare(
        _as_revision(article, versions[opened].frozen),
        _as_revision(article, versions[current].frozen),
    )
