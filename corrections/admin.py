"""The moderators' queue of reader corrections.

Read-only for everyone: a correction is the reader's words. Moderators (the
corrections.handle_correction permission) accept or dismiss them through
corrections.services, from the list's actions or the form under a
correction. Editors see the queue (they make the fixes) but cannot handle
corrections; only superusers can delete one, e.g. to erase a reader's
e-mail address on request.
"""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Value, When
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.timesince import timesince

from articles.models import Revision
from filmsite.admin_input import CheckedIdsMixin, id_or_404
from filmsite.dates import format_day
from filmsite.text import validate_no_control_characters

from . import services
from .models import PUBLIC_NOTE_MAX_LENGTH, Correction


class HandleForm(forms.Form):
    """What a moderator decides about one correction."""

    fixed_in = forms.ModelChoiceField(
        queryset=Revision.objects.none(),
        required=False,
        label="Fixed in",
        empty_label="— no revision linked —",
        help_text="Optional, when accepting: the revision of this article that fixed it.",
    )
    public_note = forms.CharField(
        required=False,
        max_length=PUBLIC_NOTE_MAX_LENGTH,
        label="Public note",
        validators=[validate_no_control_characters],
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="Optional, when accepting: what was corrected, as readers will see it "
        "on the article (“Corrected on <date>: …”). Plain text, no spoilers; the "
        "reader's message is never shown. Leave empty to list nothing.",
    )
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("dismiss", "Dismiss")])

    def __init__(self, *args, correction, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["fixed_in"]
        field.queryset = correction.article.revisions.order_by("-number")
        field.label_from_instance = describe_revision
        field.initial = correction.fixed_in_id
        self.fields["public_note"].initial = correction.public_note


def describe_revision(revision):
    when = revision.go_live_at or revision.created_at
    summary = f": {revision.change_summary}" if revision.change_summary else ""
    return (
        f"Revision {revision.number} ({revision.get_status_display().lower()}, "
        f"{format_day(when)}){summary}"
    )


@admin.register(Correction)
class CorrectionAdmin(CheckedIdsMixin, admin.ModelAdmin):
    list_display = ["excerpt", "article_title", "age", "decision"]
    list_display_links = ["excerpt"]
    list_filter = [
        "status",
        ("article", admin.RelatedOnlyFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["article", "fixed_in", "handled_by"]
    search_fields = ["message", "article__title"]
    actions = ["accept_selected", "dismiss_selected"]
    # New corrections first, then newest first.
    ordering = [
        Case(When(status=Correction.Status.NEW, then=Value(0)), default=Value(1)).asc(),
        "-created_at",
        "-pk",
    ]
    fieldsets = [
        (None, {"fields": ["article_links", "reported_revision", "created_at", "message_text"]}),
        ("Reader", {"fields": ["email_link"]}),
        ("Handling", {"fields": ["status", "fixed_in", "handled_by", "handled_at"]}),
    ]
    readonly_fields = [field for fieldset in fieldsets for field in fieldset[1]["fields"]]

    class Media:
        css = {"all": ["admin/corrections/corrections.css"]}

    # Permissions -----------------------------------------------------------

    def has_add_permission(self, request):
        return False  # only readers add corrections, through the public form

    def has_change_permission(self, request, obj=None):
        return False  # the reader's words are never edited

    def has_handle_permission(self, request, obj=None):
        return request.user.has_perm(services.HANDLE_PERMISSION)

    # The queue --------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        new = Correction.objects.new().count()
        title = f"Reader corrections: {new} new" if new else "Reader corrections: none new"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    @admin.display(description="message")
    def excerpt(self, correction):
        return Truncator(correction.message).chars(80)

    @admin.display(description="article", ordering="article__title")
    def article_title(self, correction):
        return Truncator(correction.article.title).chars(40)

    @admin.display(description="received", ordering="created_at")
    def age(self, correction):
        if timezone.now() - correction.created_at < timedelta(minutes=1):
            return "just now"
        return f"{timesince(correction.created_at, depth=1)} ago"

    @admin.display(description="status", ordering="status")
    def decision(self, correction):
        # Who decided is on the correction's page; the queue stays narrow.
        if correction.fixed_in:
            return f"{correction.get_status_display()} (rev. {correction.fixed_in.number})"
        return correction.get_status_display()

    # One correction -------------------------------------------------------------

    @admin.display(description="article")
    def article_links(self, correction):
        return format_html(
            '{} — <a href="{}">edit the article</a>',
            correction.article.title,
            reverse("admin:articles_article_change", args=[correction.article_id]),
        )

    @admin.display(description="reader's message")
    def message_text(self, correction):
        # Plain text: escaped, with the reader's line breaks kept.
        return format_html(
            '<div class="correction-message">{}</div>',
            linebreaksbr(correction.message, autoescape=True),
        )

    @admin.display(description="reader's e-mail")
    def email_link(self, correction):
        if not correction.email:
            return "not given"
        return format_html('<a href="mailto:{}">{}</a>', correction.email, correction.email)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/handle/",
                self.admin_site.admin_view(self.handle_view),
                name="{}_{}_handle".format(*info),
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        correction = self.get_object(request, object_id)
        if correction is not None and self.has_handle_permission(request):
            extra_context.setdefault("handle_form", HandleForm(correction=correction))
            extra_context["handle_url"] = reverse(
                "admin:corrections_correction_handle", args=[correction.pk]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def handle_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_handle_permission(request):
            raise PermissionDenied
        correction = get_object_or_404(
            Correction.objects.select_related("article"), pk=id_or_404(object_id)
        )
        form = HandleForm(request.POST, correction=correction)
        if not form.is_valid():
            # The correction's page again, the errors under their fields and the
            # moderator's note kept. Shown as a GET: the correction itself is
            # read-only, so the admin's own form must not try to save it.
            request.method = "GET"
            response = self.change_view(request, object_id, extra_context={"handle_form": form})
            response.status_code = 400
            return response
        fixed_in = form.cleaned_data["fixed_in"]
        if form.cleaned_data["decision"] == "accept":
            services.accept(
                correction=correction,
                user=request.user,
                revision=fixed_in,
                public_note=form.cleaned_data["public_note"],
            )
            done = f"Accepted{f', fixed in revision {fixed_in.number}' if fixed_in else ''}."
        else:
            services.dismiss(correction=correction, user=request.user)
            done = "Dismissed."
        # The admin's History button shows every decision.
        self.log_change(request, correction, done)
        self.message_user(request, f"Correction {done[0].lower()}{done[1:]}", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:corrections_correction_changelist"))

    # Bulk actions --------------------------------------------------------------

    def _handle_selected(self, request, queryset, *, action, target, verb):
        done = 0
        for correction in queryset.exclude(status=target):
            action(correction=correction, user=request.user)
            self.log_change(request, correction, f"{verb.capitalize()}.")
            done += 1
        self.message_user(
            request, f"{done} correction{'s' if done != 1 else ''} {verb}.", messages.SUCCESS
        )

    @admin.action(description="Accept selected corrections", permissions=["handle"])
    def accept_selected(self, request, queryset):
        self._handle_selected(
            request,
            queryset,
            action=services.accept,
            target=Correction.Status.ACCEPTED,
            verb="accepted",
        )

    @admin.action(description="Dismiss selected corrections", permissions=["handle"])
    def dismiss_selected(self, request, queryset):
        self._handle_selected(
            request,
            queryset,
            action=services.dismiss,
            target=Correction.Status.DISMISSED,
            verb="dismissed",
        )
