"""Custom admin pages for articles: submit, unpublish, restore.

They stay thin: every state change is a function in articles.workflow, which
checks the permission again itself; these views only collect its arguments
(and refuse early, with 403, users who lack the permission).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles import checklist, spoiler_check, workflow
from articles.models import Revision
from articles.snapshot import freeze


def _revision_help(field_name):
    return Revision._meta.get_field(field_name).help_text


class SubmitForm(forms.Form):
    change_summary = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
        help_text=_revision_help("change_summary"),
    )
    is_minor = forms.BooleanField(
        label="Minor change",
        required=False,
        help_text=_revision_help("is_minor") + " The moderator confirms or overrides this.",
    )

    def __init__(self, *args, has_been_published, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_been_published = has_been_published
        self.fields["change_summary"].required = has_been_published
        self.fields["change_summary"].error_messages["required"] = (
            "Say what changed: this article has been published before."
        )

    def clean_is_minor(self):
        is_minor = self.cleaned_data["is_minor"]
        if is_minor and not self.has_been_published:
            raise forms.ValidationError(
                "The first publication of an article cannot be a minor change."
            )
        return is_minor


class RestoreForm(forms.Form):
    change_summary = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
        help_text="Shown to readers in the update history; leave empty for "
        "“Restored revision N.”. Spoiler-free.",
    )
    is_minor = forms.BooleanField(
        label="Minor change", required=False, help_text=_revision_help("is_minor")
    )


def get_article(model_admin, request, object_id):
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404("No such article.")
    return article


def _change_url(model_admin, article):
    return reverse(
        "admin:articles_article_change", args=[article.pk], current_app=model_admin.admin_site.name
    )


def _admin_context(model_admin, request, article, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": None,
        "opts": model_admin.opts,
        "original": article,
        **extra,
    }


def submit_article(model_admin, request, object_id):
    if not request.user.has_perm(workflow.SUBMIT_PERMISSION):
        raise PermissionDenied
    article = get_article(model_admin, request, object_id)
    has_been_published = article.revisions.gone_live().exists()
    data = request.POST if request.method == "POST" else None
    form = SubmitForm(data, has_been_published=has_been_published)
    if form.is_bound and form.is_valid():
        try:
            done = workflow.submit(
                article=article,
                user=request.user,
                change_summary=form.cleaned_data["change_summary"],
                is_minor=form.cleaned_data["is_minor"],
            )
        except workflow.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            message = f"Revision {done.revision.number} of “{article}” is waiting for review."
            if done.replaced is not None:
                message += (
                    f" It replaces revision {done.replaced.number}, which you or a "
                    "colleague had submitted earlier and which no longer needs review."
                )
            model_admin.message_user(request, message, messages.SUCCESS)
            return redirect(_change_url(model_admin, article))
    context = _admin_context(
        model_admin,
        request,
        article,
        f"Submit “{article}” for review",
        form=form,
        has_been_published=has_been_published,
        live=Revision.objects.live().filter(article=article).first(),
        pending=article.revisions.pending().select_related("created_by").first(),
        spoiler_leaks=spoiler_check.check_article(article),
        checklist=checklist.check(freeze(article)),
        approvers=list(workflow.approvers_for(submitter=request.user)),
        self_approval=workflow.self_approval_allowed(),
        is_moderator=request.user.has_perm(workflow.APPROVE_PERMISSION),
        media=model_admin.media + form.media,
    )
    return TemplateResponse(request, "admin/articles/article/submit.html", context)


def unpublish_article(model_admin, request, object_id):
    if not request.user.has_perm(workflow.UNPUBLISH_PERMISSION):
        raise PermissionDenied
    article = get_article(model_admin, request, object_id)
    live = Revision.objects.live().filter(article=article).first()
    error = None
    if request.method == "POST":
        try:
            workflow.unpublish(article=article, user=request.user)
        except workflow.WorkflowError as problem:
            error = str(problem)
        else:
            model_admin.message_user(
                request,
                f"“{article}” is unpublished: readers get “410 Gone” at its address. Restore "
                "a revision from its history to bring it back.",
                messages.SUCCESS,
            )
            return redirect(_change_url(model_admin, article))
    scheduled = article.revisions.scheduled().order_by("go_live_at")
    context = _admin_context(
        model_admin,
        request,
        article,
        f"Unpublish “{article}”",
        live=live,
        scheduled=list(scheduled),
        error=error,
    )
    return TemplateResponse(request, "admin/articles/article/unpublish.html", context)


def restore_revision(model_admin, request, object_id, revision_id):
    if not request.user.has_perm(workflow.UNPUBLISH_PERMISSION):
        raise PermissionDenied
    article = get_article(model_admin, request, object_id)
    revision = get_object_or_404(article.revisions, pk=revision_id)
    data = request.POST if request.method == "POST" else None
    form = RestoreForm(data)
    if form.is_bound and form.is_valid():
        try:
            restored = workflow.restore(
                revision=revision,
                user=request.user,
                change_summary=form.cleaned_data["change_summary"],
                is_minor=form.cleaned_data["is_minor"],
            )
        except workflow.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            model_admin.message_user(
                request,
                f"Revision {revision.number}'s content is live again, as revision "
                f"{restored.number}.",
                messages.SUCCESS,
            )
            return redirect(_change_url(model_admin, article))
    context = _admin_context(
        model_admin,
        request,
        article,
        f"Restore revision {revision.number} of “{article}”",
        form=form,
        revision=revision,
        live=Revision.objects.live().filter(article=article).first(),
        media=model_admin.media + form.media,
    )
    return TemplateResponse(request, "admin/articles/article/restore.html", context)
