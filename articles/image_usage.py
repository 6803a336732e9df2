"""Where each uploaded picture is used, and removing the ones nothing uses.

A picture is "used" when a working copy points at it (hero image, or its
address in a section, answer, verdict or disclaimer), when a film has it as
its poster, or when any revision's frozen content names it — revisions are
the published record and can be restored, so a picture one of them points
at is never removed. Matching is on the upload's key, which is part of
every address the site prints for it.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, TextField
from django.db.models.functions import Cast

from faq.models import Question
from films.models import Film
from images.models import Image

from .models import Article, Revision, Section, SiteSettings
from .workflow import APPROVE_PERMISSION


def _in_text(field: str) -> Q:
    return Q(**{f"{field}__contains": OuterRef("key")})


def _revisions_naming():
    return Revision.objects.annotate(frozen_text=Cast("content", TextField())).filter(
        _in_text("frozen_text")
    )


def annotate_usage(images):
    """Each image with used_by_revision and used (any use at all), in subqueries."""
    in_working_copy = Article.objects.filter(
        Q(hero_image=OuterRef("pk")) | _in_text("verdict_explanation") | _in_text("disclaimer")
    )
    return images.annotate(
        used_by_revision=Exists(_revisions_naming()),
        used_elsewhere=Exists(in_working_copy)
        | Exists(Section.objects.filter(_in_text("body")))
        | Exists(Question.objects.filter(_in_text("answer")))
        | Exists(Film.objects.filter(poster=OuterRef("pk")))
        | Exists(SiteSettings.objects.filter(_in_text("default_disclaimer"))),
    )


def unused(images=None):
    images = annotate_usage(images if images is not None else Image.objects.all())
    return images.filter(used_by_revision=False, used_elsewhere=False)


def usage_of(image: Image) -> dict[str, list]:
    """What uses ``image``: working copies, revisions and films, for the image's page."""
    key = image.key
    articles = Article.objects.filter(
        Q(hero_image=image)
        | Q(verdict_explanation__contains=key)
        | Q(disclaimer__contains=key)
        | Q(sections__body__contains=key)
        | Q(questions__answer__contains=key)
    ).distinct()
    revisions = (
        Revision.objects.annotate(frozen_text=Cast("content", TextField()))
        .filter(frozen_text__contains=key)
        .select_related("article")
        .order_by("article", "-number")
    )
    return {
        "articles": list(articles.only("pk", "title")),
        "revisions": list(revisions.only("pk", "number", "title", "status", "article_id")),
        "films": list(Film.objects.filter(poster=image).only("pk", "title", "year")),
    }


@transaction.atomic
def remove_unused(*, images, user) -> int:
    """Delete the pictures among ``images`` that nothing uses; returns how many.

    Moderators only. Pictures still in use are left alone, whatever was
    selected; their files stay too.
    """
    if not (user.is_active and user.has_perm(APPROVE_PERMISSION)):
        raise PermissionDenied("Only moderators can remove unused pictures.")
    doomed = list(unused(Image.objects.filter(pk__in=images.values("pk"))).select_for_update())
    for image in doomed:
        storage = image.file.storage
        names = [image.file.name, *(r["name"] for r in image.renditions)]
        image.delete()
        # Files go once the row is gone for good, never while a rollback could bring it back.
        transaction.on_commit(lambda names=names, storage=storage: _delete_files(storage, names))
    return len(doomed)


def _delete_files(storage, names):
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)
