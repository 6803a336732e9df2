"""Codes as an authenticator app would show them, for the two-factor tests."""

import time

from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ENROL = reverse("staff_two_factor:enrol")
VERIFY = reverse("staff_two_factor:verify")
BACKUP_CODES = ["aaaa2222", "bbbb3333", "cccc4444"]


def app_code(device, steps_ahead=0):
    """The code the app shows now (or ``steps_ahead`` periods of 30 s later)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def give_app(user):
    """An account that set up its app earlier, with three backup codes."""
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    backup = StaticDevice.objects.create(user=user, name="Backup codes", confirmed=True)
    for code in BACKUP_CODES:
        StaticToken.objects.create(device=backup, token=code)
    return device


def signed_in(user):
    """A browser session past the password step, not yet past the code step."""
    client = Client()
    client.force_login(user)
    return client


def verified(user, steps_ahead=0):
    """A session past both steps (the account gets an app if it has none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or give_app(user)
    client = signed_in(user)
    response = client.post(VERIFY, {"code": app_code(device, steps_ahead)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client
