"""Benchmark-only URLs, served by ``make bench`` and never by the site itself.

- ``/_bench/ceiling/``: the ceiling, a minimal Django view behind the same
  server and middleware stack as every page;
- ``/_bench/miss/<path>``: the public page at ``<path>``, rendered by its own
  view on every request and never stored in or read from the page cache (the
  cost of a cache miss, measured without emptying the cache between requests).
"""

from django.http import HttpResponse
from django.urls import include, path, resolve


def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")


def miss(request, page):
    request.path = request.path_info = "/" + page
    match = resolve(request.path_info)
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    # Unmarked, the page cache neither stores nor serves this response.
    response.page_cache_tags = None
    return response


urlpatterns = [
    path("_bench/ceiling/", ceiling),
    path("_bench/miss/", miss, {"page": ""}),
    path("_bench/miss/<path:page>", miss),
    path("", include("filmsite.urls")),
]
