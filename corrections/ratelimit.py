"""A per-client limit on reader submissions, counted in Django's cache.

Only a keyed hash of the client's address reaches the cache, and only for
the length of one window; nothing about the client is written to the
database. With REDIS_URL set, every instance counts in the same Redis, so
the limit holds across instances.

The client's address is REMOTE_ADDR unless CLIENT_IP_HEADER names a header
that a trusted proxy sets (see README, "Reader corrections"). For a list
header such as X-Forwarded-For, CLIENT_IP_PROXY_COUNT says how many trusted
proxies append to it, so the address is read that many entries from the
right: entries further left are whatever the client chose to send.
"""

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


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


def client_address(request) -> str:
    """The client's IP address, honouring CLIENT_IP_HEADER when it is set."""
    header = settings.CLIENT_IP_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        entries = [item.strip() for item in request.META.get(meta_key, "").split(",")]
        entries = [item for item in entries if item]
        if entries:
            proxies = max(settings.CLIENT_IP_PROXY_COUNT, 1)
            return entries[-proxies] if len(entries) >= proxies else entries[0]
    return request.META.get("REMOTE_ADDR", "")


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


def consume(*, key: str, limit: Limit | None = None, now: float | None = None) -> int:
    """Count one submission for ``key``; raise RateLimited past the limit.

    Returns how many submissions the key has made in this window. ``add``
    and ``incr`` are atomic in Redis, so concurrent requests cannot both
    slip under the limit.
    """
    limit = limit or current_limit()
    number, remaining = _window(limit, time.time() if now is None else now)
    cache_key = f"corrections:rate:{key}:{number}"
    cache.add(cache_key, 0, timeout=remaining + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=remaining + 5)
        count = 1
    if count > limit.count:
        raise RateLimited(retry_after=remaining)
    return count
