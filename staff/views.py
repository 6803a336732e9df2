"""The two-factor pages: set up an authenticator app, and enter a code.

Thin: staff/two_factor.py decides and records; these pages ask and answer.
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import two_factor
from .forms import CodeForm


def _staff_only(view):
    @wraps(view)
    def checked(request):
        if not (request.user.is_active and request.user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request)

    return checked


def _next(request) -> str:
    """Where to go once signed in: the page asked for, if it is on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _go_to(request, step: str):
    return redirect(reverse(f"staff_two_factor:{step}") + "?" + urlencode({"next": _next(request)}))


def _page(request, template: str, title: str, context: dict):
    # The admin's look without its navigation: nothing else is reachable yet.
    return render(
        request,
        f"admin/staff/two_factor/{template}",
        {
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
            "title": title,
            "next": _next(request),
            **context,
        },
    )


@never_cache
@sensitive_post_parameters("code")
@_staff_only
def enrol(request):
    if two_factor.has_app(request.user) and not two_factor.is_verified(request.user):
        # Replacing an app takes a code from the current one or a backup code
        # (or a superuser's reset): a password alone cannot swap it.
        return _go_to(request, "verify")
    device = two_factor.pending_app(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            codes = two_factor.enrol(request, device, form.cleaned_data["code"])
        except two_factor.CodeRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            # Shown in this response only: the codes are never displayed again.
            return _page(
                request,
                "backup_codes.html",
                "Your backup codes",
                {"codes": codes, "just_set_up": True},
            )
    return _page(
        request,
        "enrol.html",
        "Set up two-factor sign-in",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_text(device),
            "replacing": two_factor.has_app(request.user),
        },
    )


@never_cache
@sensitive_post_parameters("code")
@_staff_only
def verify(request):
    if two_factor.is_verified(request.user):
        return redirect(_next(request))
    if not two_factor.has_app(request.user):
        return _go_to(request, "enrol")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        try:
            two_factor.verify(request, form.cleaned_data["code"])
        except two_factor.CodeRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            return redirect(_next(request))
    return _page(request, "verify.html", "Enter your sign-in code", {"form": form})


@never_cache
@_staff_only
def backup_codes(request):
    """How many backup codes are left, and a new set on request (old ones then stop working)."""
    if not two_factor.is_verified(request.user):
        return _go_to(request, "verify")
    if request.method == "POST":
        codes = two_factor.replace_backup_codes(request)
        return _page(request, "backup_codes.html", "Your new backup codes", {"codes": codes})
    left = two_factor.backup_codes_left(request.user)
    return _page(request, "backup_codes_left.html", "Backup codes", {"left": left})
