from django import forms
from django.contrib import admin
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from articles import checklist, saved_versions, spoiler_check
from articles.desk import not_resubmitted
from articles.models import Article, Revision, Section
from articles.snapshot import freeze
from articles.workflow import APPROVE_PERMISSION, SUBMIT_PERMISSION, UNPUBLISH_PERMISSION
from faq.admin import QuestionInline
from filmsite.admin_input import CheckedIdsMixin
from filmsite.dates import format_day, format_when
from filmsite.users import display_name
from images.admin import ImageFieldsMixin
from writing.markdown import validate_markdown_images

from . import editing, preview, workflow_pages
from .revisions import RevisionInline

# Images in Markdown need alt text (or "decorative") and must be our own uploads.
MARKDOWN_EDITOR = {
    MarkdownxField: {"widget": AdminMarkdownxWidget, "validators": [validate_markdown_images]}
}


def with_publication_state(queryset, now=None):
    """Annotate each article with what readers see of it.

    The live revision, first publication and next go-live are the stored
    publication state (one join); the two per-article lookups use the
    revision table's (article, …) indexes, so a page of the change list costs
    the same at 100,000 articles as at 100.
    """
    revisions = Revision.objects.filter(article=OuterRef("pk"))
    return queryset.annotate(
        live_since=F("publication__published_at"),
        scheduled_for=F("publication__next_go_live_at"),
        last_frozen_at=Subquery(revisions.order_by("-number").values("created_at")[:1]),
        awaiting_review=Exists(revisions.pending()),
        is_live=ExpressionWrapper(
            Q(publication__live_revision__isnull=False), output_field=BooleanField()
        ),
        sent_back=Exists(not_resubmitted().filter(article=OuterRef("pk"))),
    )


def has_unpublished_changes(article):
    return bool(article.last_frozen_at and article.updated_at > article.last_frozen_at)


def describe_publication(article):
    """The dates readers' side of it: live since, unpublished since, scheduled for."""
    parts = []
    if article.live_since and not article.is_live:
        parts.append(f"Unpublished since {format_day(article.unpublished_at)}")
    elif article.live_since:
        parts.append(f"Live since {format_day(article.live_since)}")
    if article.scheduled_for:
        when = format_when(article.scheduled_for)
        parts.append(f"{'next revision' if parts else 'Scheduled'} for {when}")
    if not parts:
        parts.append("Never published")
    return "; ".join(parts)


def describe_status(article):
    """Where the article stands in the workflow, in words (one query-free line)."""
    if article.sent_back:
        words = "Sent back for changes"
    elif article.awaiting_review:
        words = "Awaiting review"
    elif article.scheduled_for:
        words = "Scheduled"
    elif article.is_live:
        words = "Live"
    elif article.live_since:
        words = "Unpublished"
    else:
        words = "Draft"
    if has_unpublished_changes(article) and not article.sent_back:
        words += ", with changes not submitted"
    return words


class PublicationFilter(admin.SimpleListFilter):
    title = "publication"
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("sent_back", "Sent back to me"),
            ("live", "Live"),
            ("unpublished", "Unpublished"),
            ("review", "Awaiting review"),
            ("scheduled", "Scheduled"),
            ("never", "Never published"),
            ("changed", "Unpublished changes"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "sent_back":
                returned = not_resubmitted().filter(created_by=request.user)
                return queryset.filter(pk__in=returned.values("article_id"))
            case "live":
                return queryset.published()
            case "unpublished":
                return queryset.unpublished()
            case "review":
                return queryset.awaiting_review()
            case "scheduled":
                return queryset.scheduled()
            case "never":
                return queryset.never_published()
            case "changed":
                return queryset.filter(
                    Q(last_frozen_at__isnull=False) & Q(updated_at__gt=F("last_frozen_at"))
                )
        return queryset


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = ["heading", "body", "is_spoiler", "spoiler_warning", "sort_order"]

    def clean(self):
        cleaned_data = super().clean()
        # The form hides the warning unless "spoiler" is ticked; the rule holds without it.
        if cleaned_data.get("spoiler_warning", "").strip() and not cleaned_data.get("is_spoiler"):
            self.add_error(
                "spoiler_warning",
                "Only a spoiler section has a spoiler warning: tick “spoiler”, or clear the "
                "warning.",
            )
        return cleaned_data


class SectionInline(editing.ReviewNotesMixin, admin.StackedInline):
    model = Section
    form = SectionForm
    review_kind = "section"
    fields = ["review_notes", "heading", "body", ("is_spoiler", "spoiler_warning"), "sort_order"]
    readonly_fields = ["review_notes"]
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
    conflict_diff = None
    conflict_by = ""

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
            name = display_name(who, fallback="Someone")
            # What they changed since this editor opened the article, when both are kept.
            self.conflict_diff = saved_versions.changes_between(
                article=current, opened=opened, current=current.version
            )
            self.conflict_by = name
            # A second save on purpose replaces their version with this one.
            self.data = self.data.copy()
            self.data[self.add_prefix("base_version")] = str(current.version)
            raise forms.ValidationError(
                "%(name)s saved this article on %(when)s, after you opened it. Your changes "
                "below have NOT been saved. What they changed is shown above the form; save "
                "again only if yours should replace it.",
                code="edit_conflict",
                params={"name": name, "when": format_when(current.updated_at)},
            )
        return cleaned_data


@admin.register(Article)
class ArticleAdmin(CheckedIdsMixin, ImageFieldsMixin, admin.ModelAdmin):
    form = ArticleForm
    image_fields = ("hero_image",)
    # The film is in every title; the film filter is there for the rest.
    list_display = ["title", "status", "publication_state", "last_edited"]
    # One count per page (of the filtered list), not a second one of every article.
    show_full_result_count = False
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
        css = {"all": ["admin/filmsite/admin.css", *editing.FORM_STYLES]}
        js = ["admin/filmsite/inlines.js", "admin/filmsite/uploads.js", *editing.FORM_SCRIPTS]

    def get_queryset(self, request):
        return with_publication_state(super().get_queryset(request)).select_related(
            "last_edited_by", "unpublished_by"
        )

    def get_fieldsets(self, request, obj=None):
        return self.fieldsets

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "verdict_explanation":
            # Rendered as Markdown when published, so it gets the same preview
            # and the same checks as the Markdown fields.
            kwargs["widget"] = AdminMarkdownxWidget
            formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
            formfield.validators.append(validate_markdown_images)
            return formfield
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="last edited", ordering="updated_at")
    def last_edited(self, article):
        # Not "updated": readers' "Updated" date comes from revisions.
        return format_day(article.updated_at)

    @admin.display(description="status")
    def status(self, article):
        return describe_status(article)

    @admin.display(description="publication", ordering="live_since")
    def publication_state(self, article):
        return describe_publication(article)

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

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Kept so that a later edit conflict can show what this save changed.
        saved_versions.record(article=form.instance, user=request.user)

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
                "<path:object_id>/presence/",
                wrap(self.presence_view),
                name="{}_{}_presence".format(*info),
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
        return workflow_pages.submit_article(self, request, object_id)

    def preview_view(self, request, object_id):
        article = workflow_pages.get_article(self, request, object_id)
        return preview.preview_working_copy(self, request, article)

    def presence_view(self, request, object_id):
        return editing.presence_view(self, request, object_id)

    def unpublish_view(self, request, object_id):
        return workflow_pages.unpublish_article(self, request, object_id)

    def restore_view(self, request, object_id, revision_id):
        return workflow_pages.restore_revision(self, request, object_id, revision_id)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_submit"] = self._can(request, SUBMIT_PERMISSION)
        context["can_review"] = self._can(request, APPROVE_PERMISSION)
        context["can_unpublish"] = bool(
            obj and obj.is_live and self._can(request, UNPUBLISH_PERMISSION)
        )
        context["pending_revision"] = obj.revisions.pending().first() if obj else None
        # The pre-publish spoiler check and checklist, on the working copy as last saved.
        context["spoiler_leaks"] = spoiler_check.check_article(obj) if obj is not None else None
        frozen = freeze(obj) if obj is not None else None
        context["checklist"] = checklist.check(frozen) if obj is not None else None
        if obj is not None and request.method == "GET":
            saved_versions.keep_opened(article=obj, frozen=frozen)
        context["form_settings"] = editing.form_settings(request, obj, self)
        if obj is not None:
            live = Revision.objects.live().filter(article=obj).first()
            context["state"], context["state_kind"] = editing.state_sentence(obj, live=live)
            context["live_revision"] = live
        adminform = context.get("adminform")
        if adminform is not None and adminform.form.conflict_diff is not None:
            context["conflict_diff"] = adminform.form.conflict_diff
            context["conflict_by"] = adminform.form.conflict_by
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
