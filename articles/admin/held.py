"""Admin forms whose saves are held for review (films, authors, the site settings).

The form is the editor's working copy: it opens with their newest proposal
laid over what readers see, and saving turns what they saved into a pending
change (articles.reference_workflow) while the rows go back to readers'
version, all in one transaction. Readers never see the laid-out rows: a
form that is only shown, or refused, is rolled back.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html

from articles import reference_workflow

SAVED_FOR_REVIEW = (
    "Saved for review: a moderator has to approve your change before readers see it. "
    "Until then this form shows your version; readers see the approved one."
)


class HeldForReviewMixin:
    """Mix into a ModelAdmin whose model is one of reference_workflow.KINDS."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        kind = reference_workflow.kind_of(self.model)
        pk = self._held_pk(object_id)
        if pk and not reference_workflow.KINDS[kind].held(pk):
            return super().changeform_view(request, object_id, form_url, extra_context)
        with transaction.atomic():
            copy = reference_workflow.open_working_copy(kind=kind, object_id=pk) if pk else None
            extra_context = {**(extra_context or {}), "held": copy and self._state(copy)}
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # the form reads the laid-out rows: render it now
            if copy is None or not getattr(request, "_held_saved", False):
                transaction.set_rollback(True)
                return response
            proposal = reference_workflow.propose(copy=copy, user=request.user)
        if proposal is None:
            messages.info(
                request, "Nothing readers see has changed, so there is nothing to review."
            )
        else:
            messages.warning(request, SAVED_FOR_REVIEW)
        return response

    def _held_pk(self, object_id):
        try:
            return int(unquote(object_id))
        except (TypeError, ValueError):
            return None  # the admin answers a bad id itself

    def _state(self, copy):
        revision = copy.revision
        history = reference_workflow.history(kind=copy.kind, object_id=copy.object_id)
        return {
            "revision": revision,
            "review_link": revision and self._review_link(revision),
            "history": history,
        }

    def _review_link(self, revision):
        url = reverse("admin:articles_referencerevision_review", args=[revision.pk])
        return format_html('<a href="{}">the change and what it alters</a>', url)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:
            request._held_saved = True

    def message_user(self, request, message, *args, **kwargs):
        # The admin's "… was changed successfully" would tell the editor it is live.
        if getattr(request, "_held_saved", False) and "was changed successfully" in str(message):
            return
        super().message_user(request, message, *args, **kwargs)
