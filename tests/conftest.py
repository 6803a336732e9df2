"""Fixtures shared by the whole suite.

The suite runs with the project's own settings module. A few test-only
adjustments are made per test, all through pytest-django's ``settings``
fixture so they are undone afterwards:

- passwords are hashed with a fast hasher;
- media files go to a temporary directory;
- static files use the plain storage, so templates can call ``{% static %}``
  without a prior ``collectstatic`` (the manifest storage needs one);
- the cache is emptied around every test, because fragment caches are keyed
  by revision ids and SQLite reuses ids after a rolled-back test.
"""

from io import StringIO

import pytest
from django.core.cache import cache

from tests.factories import (
    ArticleFactory,
    EditorFactory,
    ModeratorFactory,
    publish,
)


@pytest.fixture(scope="session")
def _media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _test_settings(settings, _media_root):
    # Hashing every factory-made password with PBKDF2 would dominate the run.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Uploads (the demo's pictures too) never land in the project's var/media.
    settings.MEDIA_ROOT = _media_root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def moderator(db):
    return ModeratorFactory()


@pytest.fixture
def article(db):
    """A working copy with two sections (the second a spoiler) and two questions."""
    return ArticleFactory()


@pytest.fixture
def published_article(article, moderator):
    publish(article, user=moderator)
    return article


DEMO_ARTICLE_SLUG = "is-miracle-in-cell-no-7-a-true-story"
DEMO_PASSWORD = "filmsite-demo"


def load_demo(settings):
    """Run ``manage.py load_demo`` as on a DEBUG site, then turn DEBUG off again.

    The demo only creates its staff accounts (and so publishes its article)
    when DEBUG is on; pages are then checked as production serves them.
    """
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    settings.DEBUG = False


@pytest.fixture
def demo(db, settings):
    load_demo(settings)
