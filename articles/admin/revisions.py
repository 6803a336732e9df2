"""The published record, read-only for everyone: revisions are immutable."""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles.models import Revision
from articles.workflow import APPROVE_PERMISSION, UNPUBLISH_PERMISSION
from filmsite.admin_input import CheckedIdsMixin
from filmsite.dates import format_when
from filmsite.users import display_name


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


HISTORY_FIELDS = [
    "number",
    "state",
    "change_summary",
    "is_minor",
    "submitted",
    "reviewed",
    "go_live",
]


def _who_when(user, moment):
    if moment is None:
        return "—"
    return f"{display_name(user)}, {format_when(moment)}"


class RevisionInline(ReadOnlyMixin, admin.TabularInline):
    """The article's history, newest first, on its change form: who did what and when."""

    model = Revision
    fk_name = "article"
    fields = HISTORY_FIELDS
    readonly_fields = [*HISTORY_FIELDS, "actions"]
    ordering = ["-number"]
    extra = 0
    show_change_link = True
    # A revision's public address shows whichever revision is live, not this one.
    view_on_site = False
    verbose_name = "revision"
    verbose_name_plural = "history (every revision, newest first)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("created_by", "reviewed_by", "restored_from")
            .annotate(
                is_live=Exists(Revision.objects.live().filter(pk=OuterRef("pk"))),
                is_scheduled=Exists(Revision.objects.scheduled().filter(pk=OuterRef("pk"))),
                has_gone_live=Exists(Revision.objects.gone_live().filter(pk=OuterRef("pk"))),
            )
        )

    def get_fields(self, request, obj=None):
        user = request.user
        if user.has_perm(APPROVE_PERMISSION) or user.has_perm(UNPUBLISH_PERMISSION):
            return [*HISTORY_FIELDS, "actions"]
        return HISTORY_FIELDS

    @admin.display(description="status")
    def state(self, revision):
        if getattr(revision, "is_live", False):
            return "Approved — readers see this one"
        if getattr(revision, "is_scheduled", False):
            return "Approved — scheduled"
        return revision.get_status_display()

    @admin.display(description="go-live")
    def go_live(self, revision):
        return format_when(revision.go_live_at) if revision.go_live_at else "—"

    @admin.display(description="submitted by")
    def submitted(self, revision):
        text = _who_when(revision.created_by, revision.created_at)
        if revision.restored_from_id:
            text += f" (restores revision {revision.restored_from.number})"
        return text

    @admin.display(description="reviewed by")
    def reviewed(self, revision):
        text = _who_when(revision.reviewed_by, revision.reviewed_at)
        if revision.review_comment:
            return format_html("{}<br><q>{}</q>", text, revision.review_comment)
        return text

    @admin.display(description="")
    def actions(self, revision):
        if revision.status == Revision.Status.PENDING:
            return format_html(
                '<a href="{}">Review</a>',
                reverse("admin:articles_submission_review", args=[revision.pk]),
            )
        if getattr(revision, "is_live", False):
            return ""
        if getattr(revision, "has_gone_live", False):
            return format_html(
                '<a href="{}">Restore…</a>',
                reverse("admin:articles_article_restore", args=[revision.article_id, revision.pk]),
            )
        return ""


@admin.register(Revision)
class RevisionAdmin(CheckedIdsMixin, ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "number",
        "status",
        "go_live_at",
        "is_minor",
        "change_summary",
        "created_by",
        "reviewed_by",
    ]
    list_display_links = ["title", "number"]
    view_on_site = False
    list_filter = ["status", "is_minor", ("go_live_at", admin.DateFieldListFilter)]
    list_select_related = ["created_by", "reviewed_by"]
    search_fields = ["title", "slug", "change_summary"]
    date_hierarchy = "go_live_at"
    fieldsets = [
        (None, {"fields": ["article", "number", "status", "go_live_at", "is_minor"]}),
        (
            "What changed",
            {"fields": ["change_summary", "created_by", "created_at", "restored_from"]},
        ),
        ("Review", {"fields": ["reviewed_by", "reviewed_at", "review_comment"]}),
        (
            "Frozen content",
            {
                "fields": [
                    "title",
                    "slug",
                    "film",
                    "author",
                    "standfirst",
                    "meta_description",
                    "outline",
                ]
            },
        ),
    ]
    readonly_fields = [field for fieldset in fieldsets for field in fieldset[1]["fields"]]

    @admin.display(description="sections and FAQ")
    def outline(self, revision):
        items = [
            (section["heading"], " (spoiler)" if section.get("is_spoiler") else "")
            for section in revision.sections
        ] + [
            (f"FAQ: {question['question']}", " (spoiler)" if question.get("is_spoiler") else "")
            for question in revision.questions
        ]
        if not items:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}{}</li>", items))
