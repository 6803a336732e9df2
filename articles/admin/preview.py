"""Showing staff a revision readers cannot see yet, exactly as readers would see it.

One function renders every preview (the working copy from the article form,
a submission from the review screen), so both work out the dates the same
way: those readers would see were it approved now.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from articles.models import Revision, SiteSettings
from articles.snapshot import freeze
from discovery import page_meta


def render_as_readers_see_it(request, revision, *, live, note=""):
    """The public article template for ``revision``, marked as a preview.

    "Published" stays the live revision's; "Updated" becomes now, unless the
    revision is a minor change (then it keeps the live revision's date).
    """
    revision.published_at = live.published_at if live else None
    if revision.is_minor and live:
        revision.updated_at = live.updated_at
    else:
        revision.updated_at = timezone.now() if live else None
    response = TemplateResponse(
        request,
        "articles/article_detail.html",
        {
            "revision": revision,
            "seo": page_meta.preview_meta(revision),
            "site_settings": SiteSettings.load(),
            "is_preview": True,
            "preview_note": note,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response


def preview_working_copy(model_admin, request, article):
    """The article page, rendered from the working copy as it was last saved."""
    if not model_admin.has_view_permission(request, article):
        raise PermissionDenied
    revision = Revision(article=article, **freeze(article))
    revision.film = article.film
    revision.author = article.author
    live = Revision.objects.live().filter(article=article).first()
    return render_as_readers_see_it(request, revision, live=live)
