"""The queue and review screen for changes to films, authors and the site settings.

The queue lists the pending changes, oldest first; the review screen shows,
field by field and line by line, what a change alters in what readers see
now (articles.reference_diff), and offers approve or request changes. The
decisions are functions in articles.reference_workflow, which checks
permissions itself.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.timesince import timesince

from articles import reference_diff, reference_workflow, workflow
from articles.admin.queues import ModeratorsQueueMixin
from articles.models import ReferenceRevision
from filmsite.admin_input import CheckedIdsMixin, id_or_404
from filmsite.dates import format_when
from filmsite.users import display_name


class ApproveChangeForm(forms.Form):
    comment = forms.CharField(
        label="Note to the editor",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "vLargeTextField"}),
    )


class RequestChangeForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="The editor sees it on their desk and on the form, and gets it by e-mail.",
        error_messages={"required": "Say what needs changing before sending it back."},
    )


@admin.register(ReferenceRevision)
class ReferenceRevisionAdmin(ModeratorsQueueMixin, CheckedIdsMixin, admin.ModelAdmin):
    """Pending changes to films, authors and the site settings, oldest first."""

    list_display = ["review_link", "kind", "submitted_by", "age"]
    list_display_links = None
    list_filter = ["kind"]
    list_select_related = ["created_by"]
    ordering = ["created_at", "pk"]  # the reference_queue index
    show_full_result_count = False
    search_fields = ["label"]

    @admin.display(description="change to", ordering="label")
    def review_link(self, revision):
        return format_html('<a href="{}">{}</a>', self._review_url(revision.pk), revision.label)

    @admin.display(description="proposed by", ordering="created_by__username")
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
            "admin:articles_referencerevision_review", args=[pk], current_app=self.admin_site.name
        )

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/review/",
                wrap(self.review_view),
                name="articles_referencerevision_review",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": "Film, author and site changes awaiting review, oldest first"}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect(self._review_url(id_or_404(object_id)))

    def review_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        revision = get_object_or_404(
            ReferenceRevision.objects.select_related("created_by", "reviewed_by"), pk=pk
        )
        is_pending = revision.status == ReferenceRevision.Status.PENDING
        approve_form, changes_form = ApproveChangeForm(), RequestChangeForm()
        restore_error = None
        if request.method == "POST" and request.POST.get("action") == "restore":
            try:
                return self._restore(request, revision)
            except workflow.WorkflowError as error:
                restore_error = str(error)
        elif request.method == "POST" and is_pending:
            action = request.POST.get("action")
            form = (ApproveChangeForm if action == "approve" else RequestChangeForm)(request.POST)
            if form.is_valid():
                try:
                    return self._decide(request, revision, action, form.cleaned_data["comment"])
                except workflow.WorkflowError as error:
                    form.add_error(None, str(error))
            if action == "approve":
                approve_form = form
            else:
                changes_form = form
        readers = reference_workflow.readers_version(revision.kind, revision.object_id)
        # Compared with what readers see now; once decided, with what they saw then.
        base = readers if is_pending and readers is not None else revision.base
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review the change to “{revision.label}”",
            "subtitle": None,
            "opts": self.opts,
            "revision": revision,
            "diff": reference_diff.compare(revision.kind, base, revision.snapshot),
            "moved_on": is_pending
            and not reference_workflow.same(revision.kind, readers, revision.base),
            "object_url": reference_workflow.change_url(revision),
            "approve_form": approve_form,
            "changes_form": changes_form,
            "may_approve": reference_workflow.may_approve(revision=revision, user=request.user),
            "is_own_submission": revision.created_by_id == request.user.pk,
            "is_pending": is_pending,
            "may_restore": revision.status == ReferenceRevision.Status.APPROVED
            and request.user.has_perm(workflow.APPROVE_PERMISSION),
            "restore_error": restore_error,
        }
        return TemplateResponse(request, "admin/articles/referencerevision/review.html", context)

    def _restore(self, request, revision):
        restored = reference_workflow.restore(revision=revision, user=request.user)
        self.message_user(
            request,
            f"Proposed the earlier version of “{revision.label}” again; another moderator "
            "has to approve it before readers see it.",
            messages.SUCCESS,
        )
        return redirect(self._review_url(restored.pk))

    def _decide(self, request, revision, action, comment):
        if action == "approve":
            reference_workflow.approve(revision=revision, user=request.user, comment=comment)
            done = f"Approved the change to “{revision.label}”; readers see it now."
        else:
            reference_workflow.request_changes(
                revision=revision, user=request.user, comment=comment
            )
            done = f"Sent the change to “{revision.label}” back with your comment."
        self.message_user(request, done, messages.SUCCESS)
        return redirect(
            reverse("admin:articles_referencerevision_changelist", current_app=self.admin_site.name)
        )
