"""The results page, /search/?q=… (a GET form in every page's header)."""

from datetime import timedelta
from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from . import engine, index, query
from .models import SearchDocument


def _cache_seconds() -> int:
    """SEARCH_CACHE_SECONDS, but never past the next scheduled go-live.

    A scheduled revision must appear in results at its time, like on its page.
    """
    seconds = settings.SEARCH_CACHE_SECONDS
    now = timezone.now()
    upcoming = SearchDocument.objects.filter(
        go_live_at__gt=now, go_live_at__lte=now + timedelta(seconds=seconds)
    ).aggregate(first=Min("go_live_at"))["first"]
    if upcoming is not None:
        seconds = max(0, int((upcoming - now).total_seconds()))
    return seconds


def _results(raw: str, page) -> engine.Results:
    parsed = query.parse(raw)
    if parsed.problem or settings.SEARCH_CACHE_SECONDS <= 0:
        return engine.search(raw, page=page)
    # Keyed by what is searched, not how it was typed: "İynemli" and
    # "iynemli " share a cached page; a publish changes the index version.
    digest = sha256(f"{parsed.terms}|{parsed.phrase}|{page}".encode()).hexdigest()
    key = f"search:{index.index_version()}:{digest}"
    results = cache.get(key)
    if results is None:
        results = engine.search(raw, page=page)
        if (seconds := _cache_seconds()) > 0:
            cache.set(key, results, seconds)
    return results


def results(request):
    raw = request.GET.get("q", "")
    page = request.GET.get("page", "1")
    found = _results(raw, page)
    response = TemplateResponse(
        request, "search/results.html", {"results": found, "search_query": raw[: query.MAX_CHARS]}
    )
    # Results pages are for readers, not for search engines' own indexes.
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, public=True, max_age=settings.SEARCH_CACHE_SECONDS)
    return response
