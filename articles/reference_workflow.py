"""Changes to films, authors and the site settings, held for review like articles.

A film's facts, cast, where to watch, ratings and poster (with the poster's
alt text, caption and credit), an author's name and bio and the site-wide
disclaimer show on many pages at once, so an edit
to them must not reach readers before a moderator approves it. The rows of
the film, author or settings always hold what readers see; a saved edit
waits as a ``ReferenceRevision`` (a frozen snapshot, films.reference).

- ``open_working_copy``: lay the newest unapproved proposal over the rows,
  inside the admin's transaction, so the form shows the editor's working
  copy (the admin rolls it back, or ``propose`` puts readers' version back);
- ``propose``: hold what was saved for review (replacing an older proposal);
- ``approve``: a moderator makes it what readers see, and the pages that
  show it are refreshed at once; never their own proposal, as for articles;
- ``request_changes``: a moderator sends it back with a comment.

Adding a film or an author is not held: a new one shows on no page until an
article about it or by them is approved. Nor is editing a picture that is no
film's poster: articles show the alt text frozen into their revisions.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from films import reference as films_reference
from films.models import Author, Film
from filmsite.links import absolute_url
from filmsite.notifications import notify_after_commit
from filmsite.users import display_name
from images.models import Image
from pagecache import pages
from search import index as search_index
from staff import audit
from staff.models import AuditEvent

from . import cards
from .models import ReferenceRevision, SiteSettings
from .workflow import (
    APPROVE_PERMISSION,
    User,
    WorkflowError,
    admin_link,
    author_changed,
    moderators_to_notify,
    require_permission,
    self_approval_allowed,
)

Kind = ReferenceRevision.Kind
Status = ReferenceRevision.Status
OPEN = [Status.PENDING, Status.CHANGES_REQUESTED]


@dataclass(frozen=True)
class Reference:
    """How one kind of reference data is read, laid out and refreshed."""

    model: type
    change_permission: str
    snapshot: Callable  # row -> dict
    apply: Callable  # (object_id, dict) -> None
    refresh: Callable  # (object_id, touched before the change) -> None
    before: Callable = lambda object_id: ()  # what the pages showed before the change
    comparable: Callable = lambda data: data
    held: Callable = lambda object_id: True  # whether readers see this row at all


def _film_family(film_id):
    film = Film.objects.filter(pk=film_id).first()
    return film.family_ids() if film else {film_id}


def _refresh_film(film_id, family_before):
    search_index.sync_film(film_id=film_id)
    # The stored cards of its articles name it (title and year).
    cards.refresh_where(film_id=film_id)
    # Its page, the facts box of its articles and of every other version of it,
    # and listings that name it; a changed "remake of" moves it to another family.
    family = {*family_before, *_film_family(film_id)}
    pages.touch(pages.LISTINGS, *(pages.film_tag(pk) for pk in family))


def _apply_film(film_id, data):
    films_reference.apply_film(film_id, data, updated_at=timezone.now())


def _settings_snapshot(row):
    return {"default_disclaimer": row.default_disclaimer}


def _apply_settings(object_id, data):
    SiteSettings.objects.filter(pk=object_id).update(
        default_disclaimer=data["default_disclaimer"], updated_at=timezone.now()
    )
    # This process's copy must not keep a value laid out for a form.
    SiteSettings._loaded.clear()


IMAGE_FIELDS = ["alt_text", "is_decorative", "caption", "credit"]


def _image_snapshot(image):
    return {name: getattr(image, name) for name in IMAGE_FIELDS}


def _apply_image(image_id, data):
    Image.objects.filter(pk=image_id).update(
        **{name: data[name] for name in IMAGE_FIELDS}, updated_at=timezone.now()
    )


def _is_a_poster(image_id) -> bool:
    # Pictures in articles are frozen into their revisions with their alt text,
    # so only a poster shows readers the picture's current text.
    # An author's photo, likewise, is printed with its current text.
    return (
        Film.objects.filter(poster_id=image_id).exists()
        or Author.objects.filter(photo_id=image_id).exists()
    )


KINDS = {
    Kind.FILM: Reference(
        model=Film,
        change_permission="films.change_film",
        snapshot=films_reference.film_snapshot,
        apply=_apply_film,
        refresh=_refresh_film,
        before=_film_family,
        comparable=films_reference.without_line_ids,
    ),
    Kind.AUTHOR: Reference(
        model=Author,
        change_permission="films.change_author",
        snapshot=films_reference.author_snapshot,
        apply=films_reference.apply_author,
        # Bylines, the author page, JSON-LD and the stored feed items name them.
        refresh=lambda pk, _: author_changed(author=Author(pk=pk)),
    ),
    Kind.SITE_SETTINGS: Reference(
        model=SiteSettings,
        change_permission="articles.change_sitesettings",
        snapshot=_settings_snapshot,
        apply=_apply_settings,
        refresh=lambda pk, _: pages.touch(pages.SITE),
    ),
    Kind.IMAGE: Reference(
        model=Image,
        change_permission="images.change_image",
        snapshot=_image_snapshot,
        apply=_apply_image,
        refresh=lambda pk, _: pages.touch(pages.image_tag(pk)),
        held=_is_a_poster,
    ),
}


def kind_of(model) -> str:
    return next(kind for kind, reference in KINDS.items() if reference.model is model)


def readers_version(kind: str, object_id: int) -> dict | None:
    """What readers see of the film, author or settings now (None if it is gone)."""
    reference = KINDS[kind]
    row = reference.model.objects.filter(pk=object_id).first()
    return reference.snapshot(row) if row is not None else None


def same(kind: str, one: dict | None, other: dict | None) -> bool:
    comparable = KINDS[kind].comparable
    return one is not None and other is not None and comparable(one) == comparable(other)


def working_revision(kind: str, object_id: int) -> ReferenceRevision | None:
    """The newest proposal not yet approved, if the newest proposal is one."""
    newest = ReferenceRevision.objects.of(kind, object_id).order_by("-pk").first()
    return newest if newest is not None and newest.status in OPEN else None


def history(*, kind: str, object_id: int, limit: int = 10) -> list[ReferenceRevision]:
    """The newest changes proposed for a film, author or the settings, newest first."""
    changes = ReferenceRevision.objects.of(kind, object_id).exclude(status=Status.WITHDRAWN)
    return list(changes.select_related("created_by", "reviewed_by").order_by("-pk")[:limit])


@dataclass(frozen=True)
class WorkingCopy:
    kind: str
    object_id: int
    readers: dict  # what readers see, put back after the save
    updated_at: object  # the row's own "changed" time, kept as readers last saw it
    revision: ReferenceRevision | None  # the proposal laid over the rows, if any


def open_working_copy(*, kind: str, object_id: int) -> WorkingCopy | None:
    """Lay the newest unapproved proposal over the rows, inside the caller's transaction.

    The caller must end the transaction with ``propose`` (which puts readers'
    version back) or roll it back; readers never see the laid-out rows.
    """
    reference = KINDS[kind]
    row = reference.model.objects.select_for_update().filter(pk=object_id).first()
    if row is None:
        return None
    revision = working_revision(kind, object_id)
    readers = reference.snapshot(row)
    if revision is not None:
        try:
            with transaction.atomic():
                reference.apply(object_id, revision.snapshot)
        except IntegrityError:
            revision = None  # a poster or film it named is gone: start from readers' version
    return WorkingCopy(kind, object_id, readers, getattr(row, "updated_at", None), revision)


def _put_back(copy: WorkingCopy) -> None:
    reference = KINDS[copy.kind]
    reference.apply(copy.object_id, copy.readers)
    if copy.updated_at is not None:
        reference.model.objects.filter(pk=copy.object_id).update(updated_at=copy.updated_at)


@transaction.atomic
def propose(*, copy: WorkingCopy, user: User) -> ReferenceRevision | None:
    """Hold what the admin just saved for review, and put readers' version back.

    Returns the pending proposal, or None when what was saved is what readers
    see already (an older proposal is then withdrawn: the editor undid it).
    """
    reference = KINDS[copy.kind]
    require_permission(user, reference.change_permission, "change this")
    row = reference.model.objects.get(pk=copy.object_id)
    saved, label = reference.snapshot(row), str(row)
    _put_back(copy)
    now = timezone.now()
    pending = ReferenceRevision.objects.of(copy.kind, copy.object_id).pending()
    if same(copy.kind, saved, copy.readers):
        pending.update(status=Status.WITHDRAWN, reviewed_at=now)
        return None
    current = pending.first()
    if current is not None and same(copy.kind, saved, current.snapshot):
        return current
    replaced = pending.update(status=Status.SUPERSEDED)
    revision = ReferenceRevision.objects.create(
        kind=copy.kind,
        object_id=copy.object_id,
        label=label[:300],
        snapshot=saved,
        base=copy.readers,
        created_by=user,
        created_at=now,
    )
    _audit(user, "submitted", revision)
    _notify_moderators(revision, submitter=user, replaced=bool(replaced))
    return revision


def may_approve(*, revision: ReferenceRevision, user: User) -> bool:
    if not (user.is_active and user.has_perm(APPROVE_PERMISSION)):
        return False
    return self_approval_allowed() or revision.created_by_id != user.pk


def _lock_pending(revision: ReferenceRevision) -> ReferenceRevision:
    revision = (
        ReferenceRevision.objects.select_for_update(of=("self",))
        .select_related("created_by")
        .get(pk=revision.pk)
    )
    if revision.status != Status.PENDING:
        raise WorkflowError(
            f"This change is not awaiting review ({revision.get_status_display().lower()})."
        )
    return revision


@transaction.atomic
def approve(*, revision: ReferenceRevision, user: User, comment: str = "") -> ReferenceRevision:
    """Make a proposed change what readers see, and refresh every page that shows it."""
    require_permission(user, APPROVE_PERMISSION, "approve changes")
    revision = _lock_pending(revision)
    if revision.created_by_id == user.pk and not self_approval_allowed():
        raise PermissionDenied(
            "You proposed this change yourself; another moderator has to approve it."
        )
    reference = KINDS[revision.kind]
    readers = readers_version(revision.kind, revision.object_id)
    if readers is None:
        raise WorkflowError(f"The {revision.get_kind_display()} no longer exists.")
    if not same(revision.kind, readers, revision.base):
        raise WorkflowError(
            "What readers see has changed since this was proposed; ask for the change to be "
            "saved again from the current version."
        )
    shown_before = reference.before(revision.object_id)
    try:
        with transaction.atomic():
            reference.apply(revision.object_id, revision.snapshot)
    except IntegrityError:
        raise WorkflowError(
            "This change clashes with data saved since (an address another one now uses, "
            "or a picture or film that was removed); ask for it to be saved again."
        ) from None
    revision.status = Status.APPROVED
    revision.reviewed_by = user
    revision.reviewed_at = timezone.now()
    revision.review_comment = comment.strip()
    revision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    reference.refresh(revision.object_id, shown_before)
    _audit(user, "approved", revision, comment)
    _notify_submitter(revision, reviewer=user)
    return revision


@transaction.atomic
def request_changes(*, revision: ReferenceRevision, user: User, comment: str) -> ReferenceRevision:
    """Send a proposed change back to whoever made it, saying why."""
    require_permission(user, APPROVE_PERMISSION, "review changes")
    if not comment.strip():
        raise WorkflowError("Say what needs changing: the comment is required.")
    revision = _lock_pending(revision)
    revision.status = Status.CHANGES_REQUESTED
    revision.reviewed_by = user
    revision.reviewed_at = timezone.now()
    revision.review_comment = comment.strip()
    revision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comment"])
    _audit(user, "requested changes", revision, comment)
    _notify_submitter(revision, reviewer=user)
    return revision


@transaction.atomic
def restore(*, revision: ReferenceRevision, user: User) -> ReferenceRevision:
    """Propose again a version readers once saw, as a new change awaiting review.

    Like any other change it needs a second moderator's approval (the same
    four-eyes rule), and it replaces whatever proposal was open.
    """
    require_permission(user, APPROVE_PERMISSION, "restore earlier versions")
    revision = ReferenceRevision.objects.select_for_update(of=("self",)).get(pk=revision.pk)
    if revision.status != Status.APPROVED:
        raise WorkflowError("Only a version readers once saw (an approved change) can be restored.")
    readers = readers_version(revision.kind, revision.object_id)
    if readers is None:
        raise WorkflowError(f"The {revision.get_kind_display()} no longer exists.")
    if same(revision.kind, readers, revision.snapshot):
        raise WorkflowError("Readers already see this version; there is nothing to restore.")
    now = timezone.now()
    open_changes = ReferenceRevision.objects.of(revision.kind, revision.object_id).filter(
        status__in=OPEN
    )
    replaced = open_changes.update(status=Status.SUPERSEDED, reviewed_at=now)
    restored = ReferenceRevision.objects.create(
        kind=revision.kind,
        object_id=revision.object_id,
        label=revision.label,
        snapshot=revision.snapshot,
        base=readers,
        created_by=user,
        created_at=now,
    )
    _audit(
        user,
        "proposed restoring",
        restored,
        f"the version approved {revision.reviewed_at:%Y-%m-%d}",
    )
    _notify_moderators(restored, submitter=user, replaced=bool(replaced))
    return restored


# Records and notifications (titles, comments and links only) ---------------


def _audit(user, action: str, revision: ReferenceRevision, detail: str = "") -> None:
    audit.record(
        kind=AuditEvent.Kind.WORKFLOW,
        action=action,
        actor=user,
        target=f"{revision.get_kind_display()} {revision.object_id} “{revision.label}”",
        detail=detail.strip(),
    )


def change_url(revision: ReferenceRevision) -> str:
    """The admin form of the film, author or settings a change is about."""
    return revision.admin_url


def _notify_moderators(revision, *, submitter, replaced: bool):
    lines = [
        f"{display_name(submitter)} changed the {revision.get_kind_display()} "
        f"“{revision.label}”; it waits for review before readers see it.",
    ]
    if replaced:
        lines.append("It replaces an earlier change, which no longer needs review.")
    link = admin_link("admin:articles_referencerevision_review", revision.pk)
    lines += ["", f"Review it: {link}"]
    notify_after_commit(
        recipients=moderators_to_notify(exclude=submitter).values_list("email", flat=True),
        subject=f"Review requested: {revision.label}",
        body="\n".join(lines),
    )


def _notify_submitter(revision, *, reviewer):
    submitter = revision.created_by
    if submitter is None or not submitter.email or submitter.pk == reviewer.pk:
        return
    if revision.status == Status.APPROVED:
        subject = f"Approved: {revision.label}"
        first = f"{display_name(reviewer)} approved your change; readers see it now."
    else:
        subject = f"Changes requested: {revision.label}"
        first = f"{display_name(reviewer)} asked for changes before readers see it."
    lines = [first]
    if revision.review_comment:
        lines += ["", f"Comment: {revision.review_comment}"]
    lines += ["", f"The {revision.get_kind_display()}: {absolute_url(change_url(revision))}"]
    notify_after_commit(recipients=[submitter.email], subject=subject, body="\n".join(lines))
