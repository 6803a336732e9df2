"""Demo staff accounts (from `load_demo`) only work on a DEBUG site."""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

DEMO_GROUP = "Demo accounts"


class DemoAccountAwareBackend(ModelBackend):
    """ModelBackend that refuses demo accounts once DEBUG is off.

    The demo passwords are printed in the README, so a production database
    that was seeded with the demo must not let anyone in with them. The check
    also runs on every request (``get_user``), ending existing sessions.
    """

    def user_can_authenticate(self, user):
        if not super().user_can_authenticate(user):
            return False
        if settings.DEBUG:
            return True
        return not user.groups.filter(name=DEMO_GROUP).exists()
