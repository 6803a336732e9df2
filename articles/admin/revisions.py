"""The published record, read-only for everyone: revisions are immutable."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from articles.models import Revision


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


HISTORY_FIELDS = [
    "number",
    "status",
    "go_live_at",
    "created_by",
    "change_summary",
    "is_minor",
]


class RevisionInline(ReadOnlyMixin, admin.TabularInline):
    """The article's history, newest first, on its change form."""

    model = Revision
    fields = HISTORY_FIELDS
    readonly_fields = HISTORY_FIELDS
    ordering = ["-number"]
    extra = 0
    show_change_link = True
    # A revision's public address shows whichever revision is live, not this one.
    view_on_site = False
    verbose_name = "published revision"
    verbose_name_plural = "history (published revisions, newest first)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")


@admin.register(Revision)
class RevisionAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "number",
        "status",
        "go_live_at",
        "is_minor",
        "change_summary",
        "created_by",
    ]
    list_display_links = ["title", "number"]
    view_on_site = False
    list_filter = ["status", "is_minor", ("go_live_at", admin.DateFieldListFilter)]
    list_select_related = ["created_by"]
    search_fields = ["title", "slug", "change_summary"]
    date_hierarchy = "go_live_at"
    fieldsets = [
        (None, {"fields": ["article", "number", "status", "go_live_at", "is_minor"]}),
        ("What changed", {"fields": ["change_summary", "created_by", "created_at"]}),
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
