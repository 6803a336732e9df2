"""`manage.py check --deploy` says so when production staff sign in with a password alone."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    if settings.REQUIRE_STAFF_2FA:
        return []
    return [
        Warning(
            "REQUIRE_STAFF_2FA is off: staff accounts sign in with their password alone.",
            hint="Unset it (it is on whenever DEBUG is off) or set REQUIRE_STAFF_2FA=1.",
            id="staff.W001",
        )
    ]
