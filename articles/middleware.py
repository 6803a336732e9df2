"""Scheduled go-lives without a cron job: promoted by the first request after their time.

The invalidation clock holds the time of the next known go-live, shared by
every worker (see pagecache/clock.py), so checking costs no query. When that
time has passed, or is not known (a fresh clock), ``workflow.promote_due``
makes the due revisions live and touches the pages that show them, before
the page cache is consulted: no cached page outlives a known go-live.

When nothing was due, the moment read is left on the request
(``request.next_go_live``), so a page served from the cache a moment later
need not ask the clock again for the ``max-age`` it may give.
"""

from django.urls import reverse
from django.utils import timezone

from pagecache.clock import UNKNOWN, get_clock

from . import workflow


class PromoteDueRevisionsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The load balancer's health check must report the database, not fail
        # on a promotion that needs it (filmsite.health says which part failed).
        if request.path == reverse("health"):
            return self.get_response(request)
        next_go_live = get_clock().next_go_live()
        if next_go_live == UNKNOWN or timezone.now().timestamp() >= next_go_live:
            workflow.promote_due()
        else:
            request.next_go_live = next_go_live
        return self.get_response(request)
