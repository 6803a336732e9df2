"""One reader correction on the demo article, accepted by the moderator with a
public note, so the article shows its "Corrections" list. Added once: an
article that already lists a correction is left alone."""

from django.core.exceptions import PermissionDenied

from articles.models import Revision
from corrections.models import Correction
from corrections.services import accept

from .rows import DemoError, add

READER_MESSAGE = (
    "In the list of characters the older prisoner is called Yusuf Aga, but the "
    "FAQ just says Yusuf. Are they the same person?"
)
PUBLIC_NOTE = "The FAQ now names the older prisoner as Yusuf Aga, as in the list of characters."


def load(report: list[str], *, slug: str, reviewers) -> None:
    live = Revision.objects.live().filter(slug=slug).select_related("article").first()
    if live is None or reviewers is None:
        return
    if Correction.objects.shown_on(live.article_id).exists():
        report.append("Demo correction: already listed on the article; left it alone.")
        return
    correction = Correction(article=live.article, reported_revision=live, message=READER_MESSAGE)
    add(correction)
    try:
        accept(correction=correction, user=reviewers[1], revision=live, public_note=PUBLIC_NOTE)
    except PermissionDenied as error:
        raise DemoError(f"Could not accept the demo correction: {error}") from error
    report.append("Demo correction: a reader's suggestion, accepted with a public note.")
