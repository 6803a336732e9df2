"""The moderators' review queue and review screen.

The queue lists pending submissions (oldest first, with their age); the
review screen shows what changed against the live revision (articles.diff),
links to the submission rendered exactly as readers will see it, and offers
approve now / approve at a time / request changes. Every decision is a
function in articles.workflow, which checks permissions itself.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince

from articles import checklist, diff, spoiler_check, workflow
from articles.admin.queues import ModeratorsQueueMixin
from articles.models import Revision, Submission
from filmsite.admin_input import CheckedIdsMixin, id_or_404
from filmsite.dates import format_when
from filmsite.users import display_name

from .preview import render_as_readers_see_it


class ApproveForm(forms.Form):
    go_live_at = forms.DateTimeField(
        label="Go live at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    is_minor = forms.BooleanField(
        label="Minor change",
        required=False,
        help_text="Typo fixes and the like keep the “Updated” date readers see. The editor's "
        "choice is ticked for you; change it if you disagree.",
    )
    comment = forms.CharField(
        label="Note to the editor",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
    )

    def __init__(self, *args, can_be_minor, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_be_minor = can_be_minor
        self.fields["go_live_at"].help_text = (
            "Leave empty to make it live now; a future time schedules it (no further step "
            f"needed). Times are in {timezone.get_current_timezone_name()}."
        )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at and go_live_at <= timezone.now():
            # A past go-live would backdate the "Updated" date readers see.
            raise forms.ValidationError(
                "Choose a time in the future, or leave this empty to make it live now."
            )
        return go_live_at

    def clean_is_minor(self):
        is_minor = self.cleaned_data["is_minor"]
        if is_minor and not self.can_be_minor:
            raise forms.ValidationError(
                "The first publication of an article cannot be a minor change."
            )
        return is_minor


class RequestChangesForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="Required, unless you left notes on single sections or questions. The "
        "editor gets it by e-mail; keep it spoiler-free.",
    )

    def __init__(self, *args, notes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.notes = list(notes)

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("comment", "").strip() and not self.notes:
            self.add_error("comment", "Say what needs changing before sending it back.")
        return cleaned_data


def _item_notes(data) -> list[tuple[str, int, str]]:
    """The per-item notes of the review screen: fields named note-section-3, note-question-1."""
    notes = []
    for name, value in data.items():
        kind, _, position = name.removeprefix("note-").partition("-")
        is_note = name.startswith("note-") and kind in {"section", "question"}
        if is_note and position.isdigit() and value.strip():
            notes.append((kind, int(position), value))
    return sorted(notes)


@admin.register(Submission)
class SubmissionAdmin(ModeratorsQueueMixin, CheckedIdsMixin, admin.ModelAdmin):
    """Pending submissions, oldest first: the moderators' queue."""

    list_display = ["review_link", "number", "submitted_by", "age", "change_summary", "is_minor"]
    list_display_links = None
    list_select_related = ["article", "created_by"]
    ordering = ["created_at", "pk"]  # the revision_queue index
    show_full_result_count = False
    search_fields = ["title", "change_summary"]

    @admin.display(description="article", ordering="title")
    def review_link(self, revision):
        return format_html(
            '<a href="{}">{}</a>', self._review_url(revision.pk), revision.article.title
        )

    @admin.display(description="submitted by", ordering="created_by__username")
    def submitted_by(self, revision):
        return display_name(revision.created_by, fallback="—")

    @admin.display(description="waiting for", ordering="created_at")
    def age(self, revision):
        return format_html(
            '<span title="{}">{}</span>',
            format_when(revision.created_at),
            timesince(revision.created_at),
        )

    def _review_url(self, pk):
        return reverse(
            "admin:articles_submission_review", args=[pk], current_app=self.admin_site.name
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/review/", wrap(self.review_view), name="articles_submission_review"),
            path("<int:pk>/page/", wrap(self.page_view), name="articles_submission_page"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": "Review queue: submissions awaiting review, oldest first"}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect(self._review_url(id_or_404(object_id)))

    # The review screen ------------------------------------------------------

    def _get_revision(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Revision.objects.select_related("article", "film", "author", "created_by"), pk=pk
        )

    def page_view(self, request, pk):
        """The submission, rendered exactly as readers will see it once approved."""
        revision = self._get_revision(request, pk)
        live = Revision.objects.live().filter(article=revision.article).first()
        note = (
            f"Revision {revision.number} ({revision.get_status_display().lower()}) — readers "
            "cannot see this version. It is shown exactly as they will once it is approved."
        )
        return render_as_readers_see_it(request, revision, live=live, note=note)

    def review_view(self, request, pk):
        revision = self._get_revision(request, pk)
        article = revision.article
        live = (
            Revision.objects.live().filter(article=article).select_related("film", "author").first()
        )
        # Compared with what readers see; for an unpublished article, what they last saw.
        base = live or (
            article.revisions.gone_live()
            .select_related("film", "author")
            .order_by("-number")
            .first()
        )
        can_be_minor = article.revisions.gone_live().exists()
        approve_form = ApproveForm(
            initial={"is_minor": revision.is_minor}, can_be_minor=can_be_minor
        )
        changes_form = RequestChangesForm()
        if request.method == "POST" and revision.status == Revision.Status.PENDING:
            response, approve_form, changes_form = self._decide(
                request, revision, approve_form, changes_form, can_be_minor
            )
            if response is not None:
                return response
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review “{revision.title}”",
            "subtitle": None,
            "opts": self.opts,
            "revision": revision,
            "article": article,
            "live": live,
            "base": base,
            "diff": diff.compare(base, revision),
            "spoiler_leaks": spoiler_check.check_revision(revision),
            "checklist": checklist.check_revision(revision),
            "item_comments": list(revision.item_comments.all()),
            "approve_form": approve_form,
            "changes_form": changes_form,
            "may_approve": workflow.may_approve(revision=revision, user=request.user),
            "is_own_submission": revision.created_by_id == request.user.pk,
            "is_pending": revision.status == Revision.Status.PENDING,
            "scheduled": list(article.revisions.scheduled().order_by("go_live_at")),
            "media": self.media + approve_form.media,
        }
        return TemplateResponse(request, "admin/articles/submission/review.html", context)

    def _decide(self, request, revision, approve_form, changes_form, can_be_minor):
        """Handle the approve or request-changes form; returns a redirect on success."""
        action = request.POST.get("action")
        try:
            if action == "approve":
                approve_form = ApproveForm(request.POST, can_be_minor=can_be_minor)
                if approve_form.is_valid():
                    approved = workflow.approve(
                        revision=revision,
                        user=request.user,
                        go_live_at=approve_form.cleaned_data["go_live_at"],
                        is_minor=approve_form.cleaned_data["is_minor"],
                        comment=approve_form.cleaned_data["comment"],
                    )
                    when = (
                        "is live now"
                        if approved.go_live_at <= timezone.now()
                        else f"goes live on {format_when(approved.go_live_at)}"
                    )
                    if workflow.is_first_publication(approved):
                        kind = "the article's first publication"
                    elif approved.is_minor:
                        kind = "a minor change"
                    else:
                        kind = "an update"
                    self.message_user(
                        request,
                        f"Approved revision {approved.number} of “{approved.title}” as {kind}; "
                        f"it {when}.",
                        messages.SUCCESS,
                    )
                    return self._back_to_queue(), approve_form, changes_form
            elif action == "request_changes":
                changes_form = RequestChangesForm(request.POST, notes=_item_notes(request.POST))
                if changes_form.is_valid():
                    workflow.request_changes(
                        revision=revision,
                        user=request.user,
                        comment=changes_form.cleaned_data["comment"],
                        item_comments=changes_form.notes,
                    )
                    self.message_user(
                        request,
                        f"Sent revision {revision.number} of “{revision.title}” back to its "
                        "editor with your comment.",
                        messages.SUCCESS,
                    )
                    return self._back_to_queue(), approve_form, changes_form
        except workflow.WorkflowError as error:
            form = approve_form if action == "approve" else changes_form
            form.add_error(None, str(error))
        return None, approve_form, changes_form

    def _back_to_queue(self):
        return redirect(
            reverse("admin:articles_submission_changelist", current_app=self.admin_site.name)
        )
