"""A per-client limit on reader submissions, counted in the database.

The count lives in the site's database (SubmissionCount), so it holds
across gunicorn's workers and across instances without Redis: a cache in
process memory would give every worker its own allowance. Only a keyed hash
of the client's address is stored, and only until its window has passed.
The count is taken inside the submission's transaction, so a submission
that fails (a bad e-mail address, say) gives its slot back.

The client's address comes from filmsite.client_address, which the sign-in
lockout uses too: one trusted-proxy rule for both.
"""

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac

from filmsite.client_address import client_address

from .models import SubmissionCount

__all__ = ["Limit", "RateLimited", "client_address", "client_key", "consume"]


class RateLimited(Exception):
    """Too many submissions from one client in the current window."""

    def __init__(self, retry_after: int):
        super().__init__(f"Rate limit reached; try again in {retry_after} seconds.")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Limit:
    count: int
    window: int  # seconds


def current_limit() -> Limit:
    return Limit(count=settings.CORRECTIONS_RATE_LIMIT, window=settings.CORRECTIONS_RATE_WINDOW)


def client_key(request) -> str:
    """A stable, non-reversible key for the client (IPv6 by its /64 network)."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        bucket = address
    else:
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        # One IPv6 client usually holds a whole /64 network.
        bucket = str(ipaddress.ip_network(f"{ip}/64", strict=False) if ip.version == 6 else ip)
    return salted_hmac("corrections.ratelimit", bucket, algorithm="sha256").hexdigest()[:32]


def _window(limit: Limit, now: float) -> tuple[int, int]:
    """The current fixed window's number and the seconds left in it."""
    number = int(now // limit.window)
    return number, max(1, int((number + 1) * limit.window - now))


@transaction.atomic
def consume(*, key: str, limit: Limit | None = None, now: float | None = None) -> int:
    """Count one submission for ``key``; raise RateLimited past the limit.

    Returns how many submissions the key has made in this window. The row
    is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite's write lock), so
    concurrent requests in any worker cannot both slip under the limit.
    """
    limit = limit or current_limit()
    number, remaining = _window(limit, time.time() if now is None else now)
    # Past windows are never read again; a cheap indexed delete keeps the table small.
    SubmissionCount.objects.filter(window__lt=number).delete()
    row, _ = SubmissionCount.objects.select_for_update().get_or_create(client=key, window=number)
    row.count += 1
    if row.count > limit.count:
        raise RateLimited(retry_after=remaining)
    row.save(update_fields=["count"])
    return row.count
