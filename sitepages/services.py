"""Publishing a site page: the only writer of its published copy."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from pagecache import pages
from writing.markdown import render_markdown

from .models import SitePage

PUBLISH_PERMISSION = "sitepages.publish_sitepage"


def sitepage_tag(page_id) -> str:
    return f"sitepage:{page_id}"


def may_publish(*, page: SitePage, user) -> bool:
    if not (user.is_active and user.has_perm(PUBLISH_PERMISSION)):
        return False
    self_approval = bool(getattr(settings, "FILMSITE_ALLOW_SELF_APPROVAL", False))
    return self_approval or page.last_edited_by_id != user.pk


def publish(*, page: SitePage, user, now=None) -> SitePage:
    """Freeze the working copy as what readers see; refreshes the page's cached copy
    and the sitemaps (which list published site pages)."""
    if not may_publish(page=page, user=user):
        raise PermissionDenied(
            "Only a moderator who did not make the last edit can publish this page."
        )
    with transaction.atomic():
        page = SitePage.objects.select_for_update().get(pk=page.pk)
        page.published_title = page.title
        page.published_description = page.description
        page.published_html = render_markdown(page.body)
        page.published_at = now or timezone.now()
        page.published_by = user
        # update_fields: publishing is not an edit, so updated_at stays.
        page.save(
            update_fields=[
                "published_title",
                "published_description",
                "published_html",
                "published_at",
                "published_by",
            ]
        )
        pages.touch(sitepage_tag(page.pk), pages.SITE_PAGES)
    return page
