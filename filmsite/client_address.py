"""The client's IP address, read the same way everywhere it matters.

Used by the corrections rate limit and by the sign-in lockout. It is
REMOTE_ADDR unless CLIENT_IP_HEADER names a header that a trusted proxy sets
(see README, "Behind a proxy"). For a list header such as X-Forwarded-For,
CLIENT_IP_PROXY_COUNT says how many trusted proxies append to it, so the
address is read that many entries from the right: entries further left are
whatever the client chose to send.
"""

from django.conf import settings


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
