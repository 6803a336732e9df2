"""The shared page cache: anonymous GETs of public pages, served without the database.

Placed before the session, CSRF and authentication middleware, so a hit
touches neither the session nor the database. A request is served from the
cache, or stored into it, only when:

- it is a GET or HEAD without a session cookie (logged-in staff never read
  from the public cache, nor write to it), and
- its query string holds nothing but ``page``-style cursor parameters the
  views understand (tracking parameters such as ``utm_*`` are ignored).

A page is stored only if its view marked it (``pages.cacheable``) and it
answered 200; it is served only while none of its tags was touched since it
was built (see clock.py), so a publish or an edit makes it fresh at once on
every worker. A due scheduled revision is promoted before the lookup (see
``articles.middleware``), so no page outlives a known go-live.

Every public page gets ``Cache-Control: public`` with a short ``max-age``
(never past the next known go-live) and ``stale-while-revalidate``, an
``ETag`` and ``Last-Modified``; ConditionalGetMiddleware answers 304 from
them. Responses to requests with a session cookie get ``private, no-store``.
"""

import hashlib
import time
from email.utils import formatdate

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.csp import CSP

from .clock import NONE_SCHEDULED, UNKNOWN, get_clock
from .pages import build_id

# The query parameters the views read (keyset cursors); anything else bypasses
# the cache, except tracking parameters, which no view reads.
PAGE_PARAMETERS = {"before", "p"}  # listings' cursor, the sitemap's page
IGNORED_PREFIXES = ("utm_",)
IGNORED_PARAMETERS = {"fbclid", "gclid", "mc_cid", "mc_eid"}
KEY_PREFIX = "page:"

# Public pages carry no inline script and no nonce, so a cached page and its
# header always agree: scripts from the site itself only; JSON-LD is data.
PUBLIC_CSP = {
    **settings.SECURE_CSP,
    "script-src": [CSP.SELF],
}


def cache_key(request) -> str | None:
    """The cache key for ``request``, or None when it must not use the cache."""
    if request.method not in {"GET", "HEAD"}:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    kept = []
    for name, values in request.GET.lists():
        if name in PAGE_PARAMETERS:
            kept.extend(f"{name}={value}" for value in values)
        elif not (name.startswith(IGNORED_PREFIXES) or name in IGNORED_PARAMETERS):
            return None
    query = "&".join(sorted(kept))
    return f"{KEY_PREFIX}{build_id()}:{request.path}?{query}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Validates the Host header against ALLOWED_HOSTS before any cached
        # page is handed out (a bad host gets its 400 from Django).
        request.get_host()
        store = caches[settings.PAGE_CACHE_ALIAS]
        key = cache_key(request)
        if key is not None:
            entry = store.get(key)
            if entry is not None:
                content, content_type, etag, tags, stamp, built_at = entry
                if get_clock().stamp(tags) == stamp:
                    response = HttpResponse(content, content_type=content_type)
                    response["ETag"] = etag
                    return self._public(response, built_at)
        started = time.time_ns()
        response = self.get_response(request)
        tags = getattr(response, "page_cache_tags", None)
        if tags is None:
            return response
        if key is None:
            # A public page asked for by someone with a session: maybe staff.
            response["Cache-Control"] = "private, no-store"
            return response
        if response.status_code != 200 or response.streaming:
            return response
        stamp = get_clock().stamp(tags)
        built_at = time.time()
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'
        if stamp < started:
            # Nothing the page shows changed while it was being built.
            entry = (response.content, response["Content-Type"], response["ETag"])
            store.set(key, (*entry, tags, stamp, built_at), settings.PAGE_CACHE_SECONDS)
        return self._public(response, built_at)

    def _public(self, response, built_at):
        max_age = settings.PUBLIC_CACHE_SECONDS
        stale = settings.PUBLIC_CACHE_STALE_SECONDS
        next_go_live = get_clock().next_go_live()
        if next_go_live not in (UNKNOWN, NONE_SCHEDULED):
            # Browsers and CDNs must not keep a page past a known go-live either.
            until = max(0, int(next_go_live - time.time()))
            max_age = min(max_age, until)
            stale = min(stale, until - max_age)
        response["Cache-Control"] = f"public, max-age={max_age}, stale-while-revalidate={stale}"
        response["Last-Modified"] = formatdate(built_at, usegmt=True)
        response._csp_config = PUBLIC_CSP
        return response
