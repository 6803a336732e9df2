from django.contrib import admin
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from articles import admin_views, spoiler_check, workflow
from articles.admin_views import format_when
from articles.models import Article, Revision, Section
from faq.admin import QuestionInline

from .revisions import RevisionInline

MARKDOWN_EDITOR = {MarkdownxField: {"widget": AdminMarkdownxWidget}}


def with_publication_state(queryset, now=None):
    """Annotate each article with what readers see of it, in three subqueries."""
    now = now or timezone.now()
    revisions = Revision.objects.filter(article=OuterRef("pk"))
    return queryset.annotate(
        live_since=Subquery(
            revisions.gone_live(now).order_by("go_live_at", "pk").values("go_live_at")[:1]
        ),
        scheduled_for=Subquery(
            revisions.filter(status=Revision.Status.APPROVED, go_live_at__gt=now)
            .order_by("go_live_at", "pk")
            .values("go_live_at")[:1]
        ),
        last_frozen_at=Subquery(revisions.order_by("-created_at", "-pk").values("created_at")[:1]),
        awaiting_review=Exists(revisions.filter(status=Revision.Status.PENDING)),
    )


def has_unpublished_changes(article):
    return bool(article.last_frozen_at and article.updated_at > article.last_frozen_at)


def describe_publication(article):
    parts = []
    if article.live_since:
        parts.append(f"Live since {date_format(timezone.localtime(article.live_since))}")
    if article.scheduled_for:
        when = format_when(article.scheduled_for)
        parts.append(f"{'next revision scheduled' if parts else 'Scheduled'} for {when}")
    if not parts:
        parts.append("Never published")
    if article.awaiting_review:
        parts.append("a revision is awaiting review")
    if has_unpublished_changes(article):
        parts.append("working copy has unpublished changes")
    return "; ".join(parts)


class PublicationFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("live", "Live"),
            ("scheduled", "Scheduled"),
            ("never", "Never published"),
            ("changed", "Unpublished changes"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "live":
                return queryset.filter(live_since__isnull=False)
            case "scheduled":
                return queryset.filter(scheduled_for__isnull=False)
            case "never":
                return queryset.filter(live_since__isnull=True, scheduled_for__isnull=True)
            case "changed":
                return queryset.filter(
                    Q(last_frozen_at__isnull=False) & Q(updated_at__gt=F("last_frozen_at"))
                )
        return queryset


class SectionInline(admin.StackedInline):
    model = Section
    fields = ["heading", "body", ("is_spoiler", "spoiler_warning"), "sort_order"]
    ordering = ["sort_order", "pk"]
    formfield_overrides = MARKDOWN_EDITOR

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "film", "author", "publication_state", "last_edited"]
    list_filter = [
        PublicationFilter,
        "verdict",
        ("film", admin.RelatedOnlyFieldListFilter),
        "author",
    ]
    list_select_related = ["film", "author"]
    search_fields = ["title", "slug", "film__title", "film__original_title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["film", "author"]
    formfield_overrides = MARKDOWN_EDITOR
    readonly_fields = ["publication_summary"]
    fieldsets = [
        (
            "Question & answer",
            {
                "fields": [
                    "title",
                    "slug",
                    ("film", "author"),
                    "standfirst",
                    "verdict",
                    "verdict_explanation",
                ]
            },
        ),
        ("Search and social cards", {"fields": ["meta_description"]}),
        ("Disclaimer override", {"fields": ["disclaimer"], "classes": ["collapse"]}),
    ]
    inlines = [SectionInline, QuestionInline, RevisionInline]
    actions = ["publish_selected"]
    save_on_top = True

    class Media:
        css = {"all": ["admin/filmsite/admin.css"]}
        js = ["admin/filmsite/inlines.js"]

    def get_queryset(self, request):
        return with_publication_state(super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.fieldsets
        return [("Publication", {"fields": ["publication_summary"]}), *self.fieldsets]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "verdict_explanation":
            # Rendered as Markdown when published, so it gets the same preview.
            kwargs["widget"] = AdminMarkdownxWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="last edited", ordering="updated_at")
    def last_edited(self, article):
        # Not "updated": readers' "Updated" date comes from revisions.
        return date_format(timezone.localtime(article.updated_at))

    @admin.display(description="publication", ordering="live_since")
    def publication_state(self, article):
        return describe_publication(article)

    @admin.display(description="status")
    def publication_summary(self, article):
        live = Revision.objects.live().filter(article=article).first()
        if live is None:
            return describe_publication(article)
        return format_html(
            '{} — <a href="{}">view the live page</a> (revision {})',
            describe_publication(article),
            live.get_absolute_url(),
            live.number,
        )

    # Publishing -----------------------------------------------------------

    def has_publish_permission(self, request, obj=None):
        return request.user.has_perm(workflow.PUBLISH_PERMISSION)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/publish/",
                wrap(self.publish_view),
                name="{}_{}_publish".format(*info),
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            *super().get_urls(),
        ]

    def publish_view(self, request, object_id):
        return admin_views.publish_article(self, request, object_id)

    def preview_view(self, request, object_id):
        return admin_views.preview_article(self, request, object_id)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_publish"] = self.has_publish_permission(request)
        # The pre-publish spoiler check, on the working copy as last saved.
        context["spoiler_leaks"] = spoiler_check.check_article(obj) if obj is not None else None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _publish_next(self, request, obj, response):
        # "Save and publish…" saves first, so the publish form sees this very working copy.
        if "_publish" in request.POST and self.has_publish_permission(request):
            return HttpResponseRedirect(
                reverse(
                    "admin:articles_article_publish",
                    args=[obj.pk],
                    current_app=self.admin_site.name,
                )
            )
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._publish_next(
            request, obj, super().response_add(request, obj, post_url_continue)
        )

    def response_change(self, request, obj):
        return self._publish_next(request, obj, super().response_change(request, obj))

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        admin_views.publish_many(self, request, queryset)
