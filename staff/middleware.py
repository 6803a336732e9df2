"""Staff finish signing in before anything else (REQUIRE_STAFF_2FA).

A signed-in staff account whose session has not been confirmed with a code
can reach only the two-factor pages and "log out": every other request,
admin pages, the Markdown preview and uploads included, is sent to set up an
authenticator app (no app yet) or to enter a code. Anonymous visitors and
verified sessions pass untouched. The decision is staff/two_factor.py's.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import two_factor


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = two_factor.next_step(request.user)
        if step is None or self._always_open(request.path):
            return self.get_response(request)
        target = reverse(f"staff_two_factor:{step}")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)

    @staticmethod
    def _always_open(path: str) -> bool:
        return path.startswith(reverse("staff_two_factor:verify")) or path == reverse(
            "admin:logout"
        )
