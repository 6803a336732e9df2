from django import forms
from django.contrib import admin
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from articles import admin_views, spoiler_check
from articles.admin_views import format_when
from articles.markdown import validate_markdown_images
from articles.models import Article, Revision, Section
from articles.workflow import APPROVE_PERMISSION, SUBMIT_PERMISSION, UNPUBLISH_PERMISSION
from faq.admin import QuestionInline
from images.admin import ImageFieldsMixin

from .revisions import RevisionInline

# Images in Markdown need alt text (or "decorative") and must be our own uploads.
MARKDOWN_EDITOR = {
    MarkdownxField: {"widget": AdminMarkdownxWidget, "validators": [validate_markdown_images]}
}


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
        is_live=Exists(Revision.objects.live(now).filter(article=OuterRef("pk"))),
    )


def has_unpublished_changes(article):
    return bool(article.last_frozen_at and article.updated_at > article.last_frozen_at)


def describe_publication(article):
    parts = []
    if article.live_since and not article.is_live:
        parts.append(f"Unpublished since {date_format(timezone.localtime(article.unpublished_at))}")
    elif article.live_since:
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
            ("unpublished", "Unpublished"),
            ("review", "Awaiting review"),
            ("scheduled", "Scheduled"),
            ("never", "Never published"),
            ("changed", "Unpublished changes"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "live":
                return queryset.filter(is_live=True)
            case "unpublished":
                return queryset.filter(live_since__isnull=False, is_live=False)
            case "review":
                return queryset.filter(awaiting_review=True)
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


class ArticleForm(forms.ModelForm):
    """The working copy's form, with optimistic locking.

    ``base_version`` carries the version the editor opened. If someone else
    saved the article since, the save is refused with their name and the
    time, and the editor's input stays on the form. The check locks the row
    (inside the admin's save transaction), and ``save_model`` only saves
    through a conditional UPDATE, so two saves can never both win.
    """

    base_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["base_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        # Lock first, then read in a second statement: on PostgreSQL a statement
        # that waited for the lock still sees joined rows as they were when it began.
        Article.objects.select_for_update().filter(pk=self.instance.pk).values("pk").first()
        current = Article.objects.select_related("last_edited_by").get(pk=self.instance.pk)
        opened = cleaned_data.get("base_version")
        if opened is None:
            raise forms.ValidationError(
                "This form is missing its version stamp; reload the page and make your "
                "changes again."
            )
        if opened != current.version:
            who = current.last_edited_by
            name = (who.get_full_name() or who.get_username()) if who else "Someone"
            # A second save on purpose replaces their version with this one.
            self.data = self.data.copy()
            self.data[self.add_prefix("base_version")] = str(current.version)
            raise forms.ValidationError(
                "%(name)s saved this article on %(when)s, after you opened it. Your changes "
                "below have NOT been saved. Open the article in a new tab to see their "
                "version; save again only if yours should replace it.",
                code="edit_conflict",
                params={"name": name, "when": format_when(current.updated_at)},
            )
        return cleaned_data


@admin.register(Article)
class ArticleAdmin(ImageFieldsMixin, admin.ModelAdmin):
    form = ArticleForm
    image_fields = ("hero_image",)
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
                    "base_version",
                    "title",
                    "slug",
                    ("film", "author"),
                    "standfirst",
                    "verdict",
                    "verdict_explanation",
                ]
            },
        ),
        ("Hero image", {"fields": ["hero_image"]}),
        ("Search and social cards", {"fields": ["meta_description"]}),
        ("Disclaimer override", {"fields": ["disclaimer"], "classes": ["collapse"]}),
    ]
    inlines = [SectionInline, QuestionInline, RevisionInline]
    save_on_top = True

    class Media:
        css = {"all": ["admin/filmsite/admin.css"]}
        js = ["admin/filmsite/inlines.js", "admin/filmsite/uploads.js"]

    def get_queryset(self, request):
        return with_publication_state(super().get_queryset(request)).select_related(
            "last_edited_by", "unpublished_by"
        )

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
        parts = [describe_publication(article)]
        if article.unpublished_at and not article.is_live:
            who = article.unpublished_by
            name = (who.get_full_name() or who.get_username()) if who else "a deleted account"
            parts.append(f"unpublished by {name} on {format_when(article.unpublished_at)}")
        if article.last_edited_by_id:
            who = article.last_edited_by
            parts.append(
                f"working copy last saved by {who.get_full_name() or who.get_username()} "
                f"on {format_when(article.updated_at)}"
            )
        live = Revision.objects.live().filter(article=article).first()
        if live is None:
            return "; ".join(parts)
        return format_html(
            '{} — <a href="{}">view the live page</a> (revision {})',
            "; ".join(parts),
            live.get_absolute_url(),
            live.number,
        )

    # Optimistic locking ------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if change:
            opened = form.cleaned_data["base_version"]
            # ArticleForm.clean locked the row and checked the version; the
            # conditional UPDATE makes the rule hold even without that check.
            if not Article.objects.claim_edit(pk=obj.pk, version=opened, user=request.user):
                raise RuntimeError(f"Article {obj.pk} was saved by someone else meanwhile.")
            obj.version = opened + 1
        obj.last_edited_by = request.user
        super().save_model(request, obj, form, change)

    # The review workflow ---------------------------------------------------

    @staticmethod
    def _can(request, permission):
        return request.user.has_perm(permission)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/submit/",
                wrap(self.submit_view),
                name="{}_{}_submit".format(*info),
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<path:object_id>/unpublish/",
                wrap(self.unpublish_view),
                name="{}_{}_unpublish".format(*info),
            ),
            path(
                "<path:object_id>/restore/<int:revision_id>/",
                wrap(self.restore_view),
                name="{}_{}_restore".format(*info),
            ),
            *super().get_urls(),
        ]

    def submit_view(self, request, object_id):
        return admin_views.submit_article(self, request, object_id)

    def preview_view(self, request, object_id):
        return admin_views.preview_article(self, request, object_id)

    def unpublish_view(self, request, object_id):
        return admin_views.unpublish_article(self, request, object_id)

    def restore_view(self, request, object_id, revision_id):
        return admin_views.restore_revision(self, request, object_id, revision_id)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_submit"] = self._can(request, SUBMIT_PERMISSION)
        context["can_review"] = self._can(request, APPROVE_PERMISSION)
        context["can_unpublish"] = bool(
            obj and obj.is_live and self._can(request, UNPUBLISH_PERMISSION)
        )
        context["pending_revision"] = obj.revisions.pending().first() if obj else None
        # The pre-publish spoiler check, on the working copy as last saved.
        context["spoiler_leaks"] = spoiler_check.check_article(obj) if obj is not None else None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _submit_next(self, request, obj, response):
        # "Save and submit…" saves first, so the submit form sees this very working copy.
        if "_submit" in request.POST and self._can(request, SUBMIT_PERMISSION):
            return HttpResponseRedirect(
                reverse(
                    "admin:articles_article_submit",
                    args=[obj.pk],
                    current_app=self.admin_site.name,
                )
            )
        return response

    def response_add(self, request, obj, post_url_continue=None):
        return self._submit_next(
            request, obj, super().response_add(request, obj, post_url_continue)
        )

    def response_change(self, request, obj):
        return self._submit_next(request, obj, super().response_change(request, obj))
