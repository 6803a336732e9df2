"""Everything that creates or changes a reader correction.

Keyword-only, atomic, and checking the acting user's permission themselves,
like articles.workflow: the views and the admin only call these.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Revision
from filmsite.links import absolute_url
from filmsite.notifications import notify_after_commit
from pagecache import pages

from . import ratelimit
from .models import Correction

HANDLE_PERMISSION = "corrections.handle_correction"


class CorrectionError(Exception):
    """A correction action that does not make sense (e.g. a wrong revision)."""


@transaction.atomic
def submit_correction(*, article: Article, message: str, email: str, client_key: str) -> Correction:
    """Store a reader's correction and tell the article's editor.

    Only published articles take corrections. Raises ratelimit.RateLimited
    when this client has sent too many; nothing is stored then.
    """
    live = Revision.objects.live().filter(article=article).first()
    if live is None:
        raise CorrectionError("Only published articles take corrections.")
    ratelimit.consume(key=client_key)
    correction = Correction(article=article, reported_revision=live, message=message, email=email)
    correction.full_clean()
    correction.save()
    notify_after_commit(
        recipients=editor_addresses(article=article, live=live),
        subject=f"Reader correction: {live.title}",
        body=_notification_body(correction=correction, live=live),
    )
    return correction


def editor_addresses(*, article: Article, live: Revision) -> list[str]:
    """Who hears about a new correction: "the editor of the article".

    That is the staff account linked to the article's author, and whoever
    created the live revision (the editor who wrote the version the reader
    saw). Inactive accounts and accounts without an e-mail are skipped.
    """
    people = [getattr(article.author, "user", None), live.created_by]
    return sorted({p.email for p in people if p is not None and p.is_active and p.email})


def _notification_body(*, correction: Correction, live: Revision) -> str:
    # Spoiler-free by construction: the title is a spoiler-free field, and
    # the only other text is what the reader wrote.
    admin_path = reverse("admin:corrections_correction_change", args=[correction.pk])
    return (
        f"A reader suggested a correction to “{live.title}” "
        f"(revision {live.number}).\n\n"
        f"Their message:\n\n{correction.message}\n\n"
        f"The reader {'left' if correction.email else 'did not leave'} an e-mail address.\n"
        f"Accept or dismiss it in the admin: {absolute_url(admin_path)}\n"
    )


def _check_permission(user: AbstractBaseUser) -> None:
    if not user.has_perm(HANDLE_PERMISSION):
        raise PermissionDenied("You do not have permission to handle reader corrections.")


def _locked(correction: Correction) -> Correction:
    return Correction.objects.select_for_update().get(pk=correction.pk)


def _shown(correction: Correction) -> bool:
    """Whether the article page lists this correction (see CorrectionQuerySet.shown_on)."""
    return correction.status == Correction.Status.ACCEPTED and bool(correction.public_note)


def _decide(current: Correction, *, status, user, revision=None, public_note="") -> Correction:
    was_shown = _shown(current)
    current.status = status
    current.fixed_in = revision
    current.public_note = public_note.strip()
    current.handled_by = user
    current.handled_at = timezone.now()
    # The note reaches readers: the same checks as any form (length, control characters).
    current.clean_fields(
        exclude=[f.name for f in Correction._meta.fields if f.name != "public_note"]
    )
    current.save(update_fields=["status", "fixed_in", "public_note", "handled_by", "handled_at"])
    if was_shown or _shown(current):
        # The article page is built once and stored with its corrections list:
        # rebuild it (pages.touch touches again after the commit).
        pages.touch(pages.article_tag(current.article_id))
    return current


@transaction.atomic
def accept(
    *,
    correction: Correction,
    user: AbstractBaseUser,
    revision: Revision | None = None,
    public_note: str = "",
) -> Correction:
    """Mark the correction accepted, optionally naming the revision that fixed it.

    ``public_note`` (plain text, written by the moderator) is what the article
    page lists under "Corrections", with the date; without one nothing is
    listed. The reader's own message is never shown. A moderator may change
    their mind: the latest decision wins and records who made it and when.
    Raises ValidationError for a note that is too long or holds control
    characters.
    """
    _check_permission(user)
    current = _locked(correction)
    if revision is not None and revision.article_id != current.article_id:
        raise CorrectionError("The fixing revision must belong to the same article.")
    return _decide(
        current,
        status=Correction.Status.ACCEPTED,
        user=user,
        revision=revision,
        public_note=public_note,
    )


@transaction.atomic
def dismiss(*, correction: Correction, user: AbstractBaseUser) -> Correction:
    """Mark the correction dismissed (nothing is deleted; a public note is withdrawn)."""
    _check_permission(user)
    return _decide(_locked(correction), status=Correction.Status.DISMISSED, user=user)
