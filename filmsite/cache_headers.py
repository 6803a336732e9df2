"""Public pages: marked for the shared page cache, with the tags they show.

``PublicCacheMixin`` (class views) and ``public_cache`` (function views) mark
a 200 response to GET or HEAD as a public page; the page cache middleware
then stores it for anonymous readers and gives it its Cache-Control, ETag and
Last-Modified headers (see pagecache/middleware.py). The tags say what the
page shows, so that changing it refreshes the page (see pagecache/pages.py).
"""

from functools import wraps

from pagecache import pages


def _mark(request, response, tags):
    if request.method in {"GET", "HEAD"} and response.status_code == 200:
        pages.cacheable(response, tags)
    return response


class PublicCacheMixin:
    """For class views: ``page_tags()`` names what the page shows."""

    def page_tags(self) -> tuple[str, ...]:
        return (pages.LISTINGS,)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        # Only a page that was rendered (GET or HEAD) knows what it shows;
        # OPTIONS answers without building the page.
        shown = request.method in {"GET", "HEAD"} and response.status_code == 200
        return _mark(request, response, self.page_tags() if shown else ())


def public_cache(view=None, *, tags=(pages.LISTINGS,)):
    """For function views (feeds, sitemaps, robots.txt); ``tags`` as for the mixin.

    ``tags`` may be a function of the view's keyword arguments.
    """
    if view is None:
        return lambda view: public_cache(view, tags=tags)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        return _mark(request, response, tags(**kwargs) if callable(tags) else tags)

    return wrapper
