"""Absolute addresses on the public site, for anything read outside a request
(feeds, structured data, social cards, e-mails, command output)."""

from django.conf import settings


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` under SITE_URL; absolute URLs (an object store's) pass through."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    if path_or_url.startswith("//"):  # protocol-relative, e.g. a CDN's custom domain
        return f"{settings.SITE_URL.split(':', 1)[0]}:{path_or_url}"
    return f"{settings.SITE_URL}/{path_or_url.lstrip('/')}"
