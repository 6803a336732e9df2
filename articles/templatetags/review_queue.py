"""Admin helpers for the review workflow. ``{% load editorial %}``."""

from django import template

from articles.models import ReferenceRevision, Revision
from articles.workflow import APPROVE_PERMISSION

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue_count(context):
    """How many submissions wait for review, or None for users who cannot review."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_active or not user.has_perm(APPROVE_PERMISSION):
        return None
    return Revision.objects.pending().count()


@register.simple_tag(takes_context=True)
def changes_queue_count(context):
    """How many changes to films, authors and the settings wait, or None as above."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_active or not user.has_perm(APPROVE_PERMISSION):
        return None
    return ReferenceRevision.objects.pending().count()
