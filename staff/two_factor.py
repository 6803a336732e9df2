"""Two-factor sign-in for staff: an authenticator app (TOTP) plus backup codes.

With REQUIRE_STAFF_2FA on, a staff account's password only starts a sign-in;
the session can reach nothing but these pages until a code from the
account's authenticator app, or one of its single-use backup codes, has been
entered (staff/middleware.py sends it here). An account without an app sets
one up first: it scans a QR code (or types the secret), confirms with a code
and is shown ten backup codes, once.

The devices are django-otp's: TOTPDevice for the app, StaticDevice for the
backup codes. django-otp supplies what makes the codes safe to accept: each
device counts wrong codes and refuses further tries for 1, 2, 4, 8… seconds
(OTP_*_THROTTLE_FACTOR); an app code is accepted only for a later time step
than the last one accepted, so a code seen over someone's shoulder cannot be
replayed; a backup code is deleted when it is used. Every wrong code, every
use of a backup code, every set-up and every reset goes to the audit trail.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .models import AuditEvent

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODE_COUNT = 10

WRONG_CODE = (
    "That code is wrong or has already been used. Enter the current code from your "
    "authenticator app, or one of your backup codes."
)


class CodeRefused(Exception):
    """A code that did not verify; the message is meant for the person typing it."""


def is_required(user) -> bool:
    """Does this signed-in user need a second factor before using the site?"""
    return bool(
        settings.REQUIRE_STAFF_2FA and user.is_authenticated and user.is_active and user.is_staff
    )


def is_verified(user) -> bool:
    """Has this session been confirmed with a code (django-otp's OTPMiddleware)?"""
    return bool(getattr(user, "otp_device", None))


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def next_step(user) -> str | None:
    """The page a signed-in user must go to first: "enrol", "verify", or None."""
    if not is_required(user) or is_verified(user):
        return None
    return "verify" if has_app(user) else "enrol"


# --- Setting up ------------------------------------------------------------


def pending_app(user) -> TOTPDevice:
    """The app being set up: the same secret on every visit, until it is confirmed.

    Reloading the page must not change the secret the person has just scanned.
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps ask for it (base32), in groups of four."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The otpauth:// address as an inline SVG QR code.

    Inline SVG needs no image request and no inline style, so it works under
    the site's CSP; the light background keeps it readable in dark mode.
    """
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=5,
        dark="#000",
        light="#fff",
        title="QR code for your authenticator app",
        svgclass="filmsite-two-factor__qr",
        lineclass=None,
    )
    # segno writes only path data, sizes and the fixed title given above.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))


def enrol(request, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the pending app with a code from it; return the new backup codes.

    A confirmed app replaces any earlier one (the views let only a verified
    session do that). The session counts as verified afterwards: the person
    has just proved they hold the app.
    """
    user = request.user
    replacing = has_app(user)
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=device.pk, user=user, confirmed=False)
            .first()
        )
        if device is None:
            # Finished by a second click meanwhile, or removed by a reset.
            raise CodeRefused("This set-up has already ended. Reload the page to continue.")
        refusal = _pause_message(device)
        accepted = not refusal and device.verify_token(_normalised(code))
        if accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            # Any older app or other half-finished set-up stops counting.
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            codes = _new_backup_codes(user)
            audit.record(
                kind=AuditEvent.Kind.SIGN_IN,
                action="set up two-factor sign-in",
                actor=user,
                target=f"account “{user.get_username()}”",
                detail="replaced the earlier app and backup codes" if replacing else "",
                request=request,
            )
    if not accepted:
        # Outside the transaction, so the wrong try still counts towards the pause.
        raise CodeRefused(
            refusal
            or "That code does not match. Check that the app shows the code for this "
            "account and that your device's clock is right, then try the current code."
        )
    _mark_verified(request, device)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def replace_backup_codes(request) -> list[str]:
    """A fresh set of backup codes for a verified session; the old ones stop working."""
    user = request.user
    if not is_verified(user):
        raise CodeRefused("Enter a code first.")
    with transaction.atomic():
        codes = _new_backup_codes(user)
        audit.record(
            kind=AuditEvent.Kind.SIGN_IN,
            action="made new backup codes",
            actor=user,
            target=f"account “{user.get_username()}”",
            request=request,
        )
    return codes


def _new_backup_codes(user) -> list[str]:
    # The device stays (a session signed in with a backup code is tied to it);
    # its codes are replaced.
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


# --- Signing in -------------------------------------------------------------


def verify(request, code: str) -> None:
    """Accept a code from the app or a backup code for this session, or raise CodeRefused."""
    user = request.user
    code = _normalised(code)
    # App codes are six digits; backup codes are eight letters and digits.
    is_app_code = code.isdigit() and len(code) == 6
    model = TOTPDevice if is_app_code else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        # Tries during a pause are neither checked nor recorded: only the
        # checked ones, which the pause keeps few, go to the audit trail.
        refusal = WRONG_CODE if device is None else _pause_message(device)
        if not refusal and not device.verify_token(code):
            refusal = WRONG_CODE
            _record_refusal(request, "wrong or already used")
        elif not refusal and not is_app_code:
            left = device.token_set.count()
            audit.record(
                kind=AuditEvent.Kind.SIGN_IN,
                action="used a backup code",
                actor=user,
                target=f"account “{user.get_username()}”",
                detail=f"{left} backup code{'s' if left != 1 else ''} left",
                request=request,
            )
    # Raised outside the transaction: the wrong try must count towards the pause.
    if refusal:
        raise CodeRefused(refusal)
    _mark_verified(request, device)


def _pause_message(device) -> str | None:
    """What to say while wrong codes have paused this device, or None."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    wait = (details or {}).get("locked_until")
    seconds = max(1, round((wait - timezone.now()).total_seconds())) if wait else 1
    return (
        f"Too many wrong codes. Wait {seconds} second{'s' if seconds != 1 else ''}, then try again."
    )


def _record_refusal(request, why: str) -> None:
    user = request.user
    audit.record(
        kind=AuditEvent.Kind.SIGN_IN,
        action="two-factor code refused",
        actor=user,
        target=f"account “{user.get_username()}”",
        detail=why,
        request=request,
    )


def _mark_verified(request, device) -> None:
    otp_login(request, device)
    # A new session key for the now fully signed-in session.
    request.session.cycle_key()


def _normalised(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


# --- Resetting ---------------------------------------------------------------


class ResetRefused(Exception):
    pass


def reset(user, *, by, request=None) -> bool:
    """Remove an account's app and backup codes (a superuser's decision, logged).

    The account sets up a new app at its next step in the admin. Returns
    False when there was nothing to remove.
    """
    if not (by.is_active and by.is_superuser):
        raise ResetRefused("Only a superuser can reset two-factor sign-in.")
    if by.pk == user.pk:
        raise ResetRefused("You cannot reset your own two-factor sign-in; ask another superuser.")
    with transaction.atomic():
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        if removed:
            audit.record(
                kind=AuditEvent.Kind.PERMISSIONS,
                action="reset two-factor sign-in",
                actor=by,
                target=f"user “{user.get_username()}”",
                detail="authenticator app and backup codes removed; set up again at next sign-in",
                request=request,
            )
    return bool(removed)
