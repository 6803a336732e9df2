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
``articles.middleware``), so no page outlives a known go-live. With a shared
cache (Redis), each worker also keeps the pages it served lately (recent.py),
so a hit costs one small read of the clock rather than fetching the page.

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

from .clock import NONE_SCHEDULED, UNKNOWN, get_clock, is_per_process
from .pages import build_id
from .recent import RecentPages

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
        self.recent = RecentPages(settings.PAGE_CACHE_RECENT_BYTES)

    def __call__(self, request):
        # Validates the Host header against ALLOWED_HOSTS before any cached
        # page is handed out (a bad host gets its 400 from Django).
        request.get_host()
        store = caches[settings.PAGE_CACHE_ALIAS]
        key = cache_key(request)
        if key is not None:
            entry = self._lookup(store, key)
            if entry is not None:
                content, content_type, etag, _tags, _stamp, built_at = entry
                response = HttpResponse(content, content_type=content_type)
                response["ETag"] = etag
                # Read a moment ago by the go-live check, unless it promoted.
                next_go_live = getattr(request, "next_go_live", None)
                return self._public(response, built_at, next_go_live)
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
            entry = (*entry, tags, stamp, built_at)
            store.set(key, entry, settings.PAGE_CACHE_SECONDS)
            if self._keeps_recent(store):
                self.recent.put(key, entry)
        return self._public(response, built_at)

    def _lookup(self, store, key):
        """The page stored under ``key`` if none of its tags was touched since it was built."""
        keeps_recent = self._keeps_recent(store)
        if keeps_recent:
            entry = self.recent.get(key)
            if entry is not None:
                if self._fresh(entry):
                    return entry
                self.recent.discard(key)
        entry = store.get(key)
        if entry is None or not self._fresh(entry):
            return None
        if keeps_recent:
            self.recent.put(key, entry)
        return entry

    @staticmethod
    def _fresh(entry) -> bool:
        *_, tags, stamp, _built_at = entry
        return get_clock().stamp(tags) == stamp

    @staticmethod
    def _keeps_recent(store) -> bool:
        # Pages in a per-process cache are in this process already.
        return not is_per_process(store)

    def _public(self, response, built_at, next_go_live=None):
        max_age = settings.PUBLIC_CACHE_SECONDS
        stale = settings.PUBLIC_CACHE_STALE_SECONDS
        if next_go_live is None:
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
