"""The public "Suggest a correction" form.

These pages carry a CSRF token, so they are never cached by browsers or a
CDN (never_cache), unlike the article page, which only links here and so
stays publicly cacheable.
"""

import logging
import math

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from articles.models import Revision

from . import ratelimit, services
from .forms import HONEYPOT_FIELD, CorrectionForm

logger = logging.getLogger(__name__)


def _live_revision(slug):
    return get_object_or_404(Revision.objects.live().select_related("article"), slug=slug)


def _moved_to(slug, view_name):
    """The same page for an article once published under ``slug``, if any."""
    article_ids = Revision.objects.gone_live().filter(slug=slug).values("article_id")
    current = Revision.objects.live().filter(article_id__in=article_ids).first()
    return reverse(view_name, kwargs={"slug": current.slug}) if current else None


def _live_or_moved(slug, view_name):
    try:
        return _live_revision(slug), None
    except Http404:
        moved_to = _moved_to(slug, view_name)
        if moved_to is None:
            raise
        return None, redirect(moved_to, permanent=True)


@never_cache
@csrf_protect
@require_http_methods(["GET", "HEAD", "POST"])
def suggest_correction(request, slug):
    revision, moved = _live_or_moved(slug, "corrections:suggest")
    if moved:
        return moved
    thanks_url = reverse("corrections:thanks", kwargs={"slug": revision.slug})
    status, retry_after = 200, None
    if request.method != "POST":
        form = CorrectionForm()
    elif request.POST.get(HONEYPOT_FIELD):
        logger.info("Discarded a correction with the honeypot field filled in.")
        return redirect(thanks_url)
    else:
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                services.submit_correction(
                    article=revision.article,
                    message=form.cleaned_data["message"],
                    email=form.cleaned_data["email"],
                    client_key=ratelimit.client_key(request),
                )
            except ratelimit.RateLimited as limited:
                status, retry_after = 429, limited.retry_after
            else:
                return redirect(thanks_url)
    response = render(
        request,
        "corrections/correction_form.html",
        {
            "revision": revision,
            "form": form,
            "rate_limited": status == 429,
            "retry_minutes": math.ceil(retry_after / 60) if retry_after else None,
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request, slug):
    revision, moved = _live_or_moved(slug, "corrections:thanks")
    return moved or render(request, "corrections/correction_thanks.html", {"revision": revision})
