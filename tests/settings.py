"""Settings for the test suite: the project's own, plus a throwaway SECRET_KEY.

With DEBUG off (as in the tests) filmsite.settings leaves SECRET_KEY empty
unless the environment sets one, and Django's signing (sessions, CSRF,
password reset) needs a key; pytest-django loads settings before any conftest
runs, so the key is supplied here. Point pytest at this module with
``DJANGO_SETTINGS_MODULE = "tests.settings"`` in pyproject.toml.
"""

import os

os.environ.setdefault("SECRET_KEY", "insecure-key-for-the-test-suite-only")

from filmsite.settings import *  # noqa: F403

# Tests never run collectstatic; let WhiteNoise find files through the
# finders instead of warning that STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The page cache's clock (see pagecache/clock.py) for this test run only.
import tempfile  # noqa: E402

PAGE_CACHE_CLOCK_FILE = os.path.join(tempfile.mkdtemp(prefix="filmsite-tests-"), "clock")

# The SQLite test database is a file, not Django's default in-memory one. A
# live server shares an in-memory database through one connection across its
# threads, and SQLite's shared cache answers "table is locked" at once instead
# of waiting, so a browser test whose page fires two requests together (a
# preview and a save, an upload and the presence poll) failed at random. With
# a file each thread has its own connection and WAL's busy wait applies, as on
# a real site. It goes to memory-backed /dev/shm where there is one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    _test_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.mkdtemp(prefix="filmsite-db-", dir=_test_dir), "test.sqlite3")
    }

# Many tests sign in with Client.login(), which passes no request; django-axes
# needs one. The sign-in throttling tests turn it on (tests/staff/).
AXES_ENABLED = False

# Most tests sign staff in with their password alone; the two-factor tests
# (tests/staff/test_two_factor*.py, tests/browser/test_two_factor.py) turn
# this on themselves.
REQUIRE_STAFF_2FA = False
