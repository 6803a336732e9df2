"""Sign-in throttling (django-axes): who is locked out, and what they are told.

Failures are counted per client address and per account, and a lock lasts
LOGIN_LOCKOUT_MINUTES from the failure that set it (later tries during the
lock do not extend it). So that nobody can keep a real editor out by
guessing their password from elsewhere, an account's failures from other
addresses do not count against an address the account has signed in from
before: there only the failures made at that very address do. An
administrator can lift any lock at once by deleting its "access attempt" in
the admin (or ``manage.py axes_reset_username NAME``).
"""

import math

from axes.helpers import get_client_ip_address, get_client_username, get_cool_off
from axes.models import AccessAttempt, AccessLog
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone

# Anywhere: the address alone, and the account alone.
UNKNOWN_ADDRESS = ["ip_address", "username"]
# Where the account signed in before: only this account at this address.
KNOWN_ADDRESS = [["username", "ip_address"]]


def _known_address(username, address) -> bool:
    return bool(username and address) and (
        AccessLog.objects.filter(username=username, ip_address=address).exists()
    )


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS: what a failure is counted against, per request."""
    if isinstance(request_or_attempt, AccessAttempt):
        username, address = request_or_attempt.username, request_or_attempt.ip_address
    else:
        username = get_client_username(request_or_attempt, credentials)
        address = get_client_ip_address(request_or_attempt)
    return KNOWN_ADDRESS if _known_address(username, address) else UNKNOWN_ADDRESS


def seconds_to_wait(request, credentials=None) -> int:
    """How long until the lock on this request lifts (at least one second)."""
    cool_off = get_cool_off(request)
    username = get_client_username(request, credentials)
    address = get_client_ip_address(request)
    if lockout_parameters(request, credentials) == KNOWN_ADDRESS:
        matching = Q(username=username, ip_address=address)
    else:
        matching = Q(ip_address=address) | Q(username=username)
    newest = AccessAttempt.objects.filter(matching).aggregate(Max("attempt_time"))
    last = newest["attempt_time__max"] or timezone.now()
    return max(1, math.ceil((last + cool_off - timezone.now()).total_seconds()))


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a 429 page that says how long to wait."""
    wait = seconds_to_wait(request, credentials)
    response = render(
        request,
        "admin/staff/locked_out.html",
        {"minutes": math.ceil(wait / 60), "title": "Sign-in paused", "site_header": None},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
