from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff accounts: sign-in protection, the audit trail, the user admin."""

    name = "staff"
    verbose_name = "Staff accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import checks, signals  # noqa: F401 (checks registers itself)

        user_logged_in.connect(signals.signed_in, dispatch_uid="staff.signed_in")
        user_login_failed.connect(signals.sign_in_failed, dispatch_uid="staff.sign_in_failed")
