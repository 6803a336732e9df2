"""The article form's aids: the one-sentence state at its top, the presence
poll, the review comments shown next to sections and questions, and the
settings the form's scripts read (static files only, for the strict CSP)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.urls import reverse
from django.utils.html import format_html

from articles import presence
from articles.desk import not_resubmitted
from articles.models import ReviewComment, Revision
from filmsite.dates import format_day, format_when
from filmsite.users import display_name

# Search engines cut titles at about 60 characters and descriptions at 160.
SEARCH_TITLE_LIMIT = 60
SEARCH_DESCRIPTION_LIMIT = 160
PRESENCE_POLL_MS = 15000

FORM_SCRIPTS = [
    "admin/filmsite/items.js",
    "admin/filmsite/search_preview.js",
    "admin/filmsite/autosave.js",
    "admin/filmsite/presence.js",
    "admin/filmsite/picture_dialog.js",
]
FORM_STYLES = ["admin/filmsite/desk.css"]


def sent_back(article) -> Revision | None:
    """The newest revision a moderator sent back, if nobody has resubmitted since."""
    return (
        not_resubmitted()
        .filter(article=article)
        .select_related("reviewed_by")
        .order_by("-number")
        .first()
    )


def state_sentence(article, *, live: Revision | None) -> tuple[str, str]:
    """The article's state in one sentence, and a kind for styling ("sent-back"…).

    ``article`` carries the admin's publication annotations (live_since,
    scheduled_for, awaiting_review, is_live); ``live`` is its live revision.
    """
    if live is not None:
        readers = f"readers see revision {live.number}, live since {format_day(article.live_since)}"
    elif article.live_since:
        readers = (
            f"readers get “410 Gone”: unpublished by {display_name(article.unpublished_by)} "
            f"on {format_day(article.unpublished_at)}"
        )
    else:
        readers = "it has never been published"
    returned = sent_back(article)
    if returned is not None:
        comment = returned.review_comment or "see the notes on the sections and questions"
        return (
            f"Changes requested by {display_name(returned.reviewed_by)} on "
            f"{format_day(returned.reviewed_at)}: “{comment}” "
            f"(revision {returned.number}); {readers}.",
            "sent-back",
        )
    pending = article.revisions.pending().select_related("created_by").first()
    if pending is not None:
        return (
            f"Revision {pending.number} is awaiting review, submitted by "
            f"{display_name(pending.created_by)} on {format_when(pending.created_at)}; {readers}.",
            "pending",
        )
    if article.scheduled_for:
        return (
            f"A revision goes live on {format_when(article.scheduled_for)}; {readers}.",
            "scheduled",
        )
    if live is not None:
        return (f"Live: {readers}.", "live")
    if article.live_since:
        return (f"Unpublished: {readers}.", "unpublished")
    return ("Draft: not submitted for review yet, and it has never been published.", "draft")


def review_notes_by_item(article) -> dict[tuple[str, int], list[ReviewComment]]:
    """Comments from the revision sent back (if any), keyed by (kind, working-copy id)."""
    returned = sent_back(article)
    if returned is None:
        return {}
    notes: dict[tuple[str, int], list[ReviewComment]] = {}
    for note in ReviewComment.objects.filter(revision=returned, item_id__isnull=False):
        notes.setdefault((note.kind, note.item_id), []).append(note)
    return notes


class ReviewNotesMixin:
    """For the section and question inlines: the moderator's notes beside each item."""

    review_kind = ""

    def review_notes(self, obj):
        if obj is None or obj.pk is None:
            return ""
        cache = getattr(self, "_review_notes", None)
        if cache is None:
            cache = self._review_notes = review_notes_by_item(obj.article)
        notes = cache.get((self.review_kind, obj.pk), [])
        if not notes:
            return ""
        revision = notes[0].revision
        return format_html(
            '<div class="filmsite-review-note" role="note"><p><strong>{} asked, on revision {}:'
            "</strong> {}</p></div>",
            display_name(revision.reviewed_by),
            revision.number,
            " ".join(note.body for note in notes),
        )

    review_notes.short_description = "moderator's note"


def form_settings(request, article, model_admin) -> dict:
    """What the form's scripts need, as data attributes (no inline script)."""
    site = model_admin.admin_site.name
    pattern = request.build_absolute_uri(
        reverse("articles:article", kwargs={"slug": "__slug__"})
    ).replace("%5F%5Fslug%5F%5F", "__slug__")
    settings = {
        "autosave_key": f"article-{article.pk}" if article else "article-new",
        "bound": request.method == "POST",
        "url_pattern": pattern,
        "title_limit": SEARCH_TITLE_LIMIT,
        "description_limit": SEARCH_DESCRIPTION_LIMIT,
        "picker_url": reverse("admin:images_image_picker", current_app=site),
        "presence_url": None,
        "presence_interval": PRESENCE_POLL_MS,
    }
    if article is not None:
        settings["presence_url"] = reverse(
            "admin:articles_article_presence", args=[article.pk], current_app=site
        )
    return settings


def presence_view(model_admin, request, object_id):
    """The form's poll: "I still have it open"; answers who else does."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such article.")
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    if request.POST.get("leaving"):
        presence.left(article=article, user=request.user)
        return JsonResponse({"others": []})
    others = presence.still_here(article=article, user=request.user)
    return JsonResponse({"others": [{"name": display_name(user)} for user in others]})
