"""Settings for the test suite: the project's own, plus a throwaway SECRET_KEY.

filmsite.settings refuses to start without SECRET_KEY when DEBUG is off, and
pytest-django loads settings before any conftest runs, so the key is supplied
here. Point pytest at this module with
``DJANGO_SETTINGS_MODULE = "tests.settings"`` in pyproject.toml.
"""

import os

os.environ.setdefault("SECRET_KEY", "insecure-key-for-the-test-suite-only")

from filmsite.settings import *  # noqa: F403

# Tests never run collectstatic; let WhiteNoise find files through the
# finders instead of warning that STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
