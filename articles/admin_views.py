"""Custom admin pages for articles: publish and preview.

They stay thin: publishing is articles.workflow.publish, which checks the
permission again itself; these views only collect its arguments.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format

from . import spoiler_check, workflow
from .models import Revision, SiteSettings
from .snapshot import freeze

FIRST_PUBLICATION_SUMMARY = "First published."
UPDATE_SUMMARY = "Editorial update."


def _revision_help(field_name):
    return Revision._meta.get_field(field_name).help_text


class PublishForm(forms.Form):
    change_summary = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
        help_text=_revision_help("change_summary"),
    )
    is_minor = forms.BooleanField(
        label="Minor change", required=False, help_text=_revision_help("is_minor")
    )
    go_live_at = forms.DateTimeField(
        label="Go live at",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, has_been_published, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_been_published = has_been_published
        self.fields["change_summary"].required = has_been_published
        self.fields["change_summary"].error_messages["required"] = (
            "Say what changed: this article has been published before."
        )
        self.fields["go_live_at"].help_text = (
            "Leave empty to publish now; a future time schedules it. "
            f"Times are in {timezone.get_current_timezone_name()}."
        )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at and go_live_at <= timezone.now():
            # A past go-live would backdate the "Updated" date readers see.
            raise forms.ValidationError(
                "Choose a time in the future, or leave this empty to publish now."
            )
        return go_live_at

    def clean_is_minor(self):
        is_minor = self.cleaned_data["is_minor"]
        if is_minor and not self.has_been_published:
            raise forms.ValidationError(
                "The first publication of an article cannot be a minor change."
            )
        return is_minor


def format_when(moment):
    # 24-hour time with the zone: "10 a.m.." at a sentence's end reads badly.
    local = timezone.localtime(moment)
    return f"{date_format(local, 'N j, Y, H:i')} {local.tzname()}"


def describe_go_live(revision):
    if revision.go_live_at > timezone.now():
        return f"is scheduled to go live on {format_when(revision.go_live_at)}"
    return "is live now"


def _get_article(model_admin, request, object_id):
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such article.")
    return article


def _change_url(model_admin, article):
    return reverse(
        "admin:articles_article_change", args=[article.pk], current_app=model_admin.admin_site.name
    )


def publish_article(model_admin, request, object_id):
    if not model_admin.has_publish_permission(request):
        raise PermissionDenied
    article = _get_article(model_admin, request, object_id)
    has_been_published = article.revisions.gone_live().exists()
    data = request.POST if request.method == "POST" else None
    form = PublishForm(data, has_been_published=has_been_published)
    if form.is_bound and form.is_valid():
        try:
            revision = workflow.publish(
                article=article,
                user=request.user,
                change_summary=form.cleaned_data["change_summary"],
                is_minor=form.cleaned_data["is_minor"],
                go_live_at=form.cleaned_data["go_live_at"],
            )
        except workflow.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            model_admin.message_user(
                request,
                f"Revision {revision.number} of “{article}” {describe_go_live(revision)}.",
                messages.SUCCESS,
            )
            return redirect(_change_url(model_admin, article))

    scheduled = article.revisions.filter(
        status=Revision.Status.APPROVED, go_live_at__gt=timezone.now()
    ).order_by("go_live_at")
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Publish “{article}”",
        "subtitle": None,
        "opts": model_admin.opts,
        "original": article,
        "form": form,
        "has_been_published": has_been_published,
        "live": Revision.objects.live().filter(article=article).first(),
        "spoiler_leaks": spoiler_check.check_article(article),
        "scheduled": list(scheduled),
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/articles/article/publish.html", context)


def publish_many(model_admin, request, queryset):
    """The change-list action: publish each selected working copy now."""
    published, skipped = [], []
    for article in queryset.select_related("film", "author"):
        if article.scheduled_for:
            # Publishing now would be overtaken when the scheduled revision goes live.
            skipped.append(f"“{article}” (a revision is scheduled; publish it from its page)")
            continue
        latest = article.revisions.filter(status=Revision.Status.APPROVED).order_by("-number")
        if (latest := latest.first()) and _same_content(latest, freeze(article)):
            skipped.append(f"“{article}” (nothing changed since revision {latest.number})")
            continue
        try:
            revision = workflow.publish(
                article=article,
                user=request.user,
                change_summary=UPDATE_SUMMARY if article.live_since else FIRST_PUBLICATION_SUMMARY,
            )
        except workflow.WorkflowError as error:
            skipped.append(f"“{article}” ({error})")
        else:
            published.append(f"“{article}” (revision {revision.number})")
    if published:
        model_admin.message_user(
            request, f"Published now: {', '.join(published)}.", messages.SUCCESS
        )
    if skipped:
        model_admin.message_user(request, f"Not published: {', '.join(skipped)}.", messages.WARNING)


def _same_content(revision, frozen):
    # A republish without changes would only move the "Updated" date.
    return all(getattr(revision, field) == value for field, value in frozen.items())


def preview_article(model_admin, request, object_id):
    """The public article page, rendered from the working copy as saved."""
    article = _get_article(model_admin, request, object_id)
    if not model_admin.has_view_permission(request, article):
        raise PermissionDenied
    revision = Revision(article=article, **freeze(article))
    revision.film = article.film
    revision.author = article.author
    live = Revision.objects.live().filter(article=article).first()
    revision.published_at = live.published_at if live else None
    revision.updated_at = live.updated_at if live else None
    response = TemplateResponse(
        request,
        "articles/article_detail.html",
        {"revision": revision, "site_settings": SiteSettings.load(), "is_preview": True},
    )
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response
