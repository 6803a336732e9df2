"""Absolute addresses on the public site, for anything read outside a request
(feeds, structured data, social cards, e-mails, command output)."""

import re

from django.conf import settings
from django.core.validators import URLValidator

# Links editors give to other sites (where to watch, a rating's source) are
# followed by readers: only the web's own schemes, whatever else a URL may be.
WEB_SCHEMES = ["http", "https"]
validate_web_url = URLValidator(
    schemes=WEB_SCHEMES, message="Enter a web address starting with https:// or http://."
)
_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#]+(?:[/?#][^\s\x00-\x1f\x7f]*)?", re.I)


def absolute_url(path_or_url: str) -> str:
    """``path_or_url`` under SITE_URL; absolute URLs (an object store's) pass through."""
    if path_or_url.startswith(("http://", "https://")):
        return path_or_url
    if path_or_url.startswith("//"):  # protocol-relative, e.g. a CDN's custom domain
        return f"{settings.SITE_URL.split(':', 1)[0]}:{path_or_url}"
    return f"{settings.SITE_URL}/{path_or_url.lstrip('/')}"


def web_url(value: str) -> str:
    """``value`` if it is a plain http(s) address, else "" (print no link at all).

    For URLs read from the database, which may not have passed the forms'
    validation (an import, an old row): ``javascript:``, ``data:``, scheme
    tricks with spaces or control characters and relative paths all give "".
    """
    return value if isinstance(value, str) and _WEB_URL.fullmatch(value) else ""
