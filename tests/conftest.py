"""Fixtures shared by the whole suite.

The suite runs with the project's own settings module. A few test-only
adjustments are made per test, all through pytest-django's ``settings``
fixture so they are undone afterwards:

- passwords are hashed with a fast hasher;
- media files go to a temporary directory;
- static files use the plain storage, so templates can call ``{% static %}``
  without a prior ``collectstatic`` (the manifest storage needs one);
- the cache is emptied around every test, because cached pages are keyed
  by address and tagged by ids, and SQLite reuses ids after a rolled-back
  test; the page cache's clock forgets the next scheduled go-live.
"""

from io import StringIO

import pytest
from django.core.cache import cache

from articles.models import SiteSettings
from pagecache.clock import UNKNOWN, get_clock
from tests.factories import (
    ArticleFactory,
    EditorFactory,
    ModeratorFactory,
    publish,
)
from tests.helpers import restore_staff_groups


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
def _staff_groups(request):
    """The staff groups data migrations made, back after an earlier test's flush.

    Each transactional test (live servers included) ends with a flush of every
    table; Django then recreates permissions, but not the groups.
    """
    marker = request.node.get_closest_marker("django_db")
    if (marker and marker.kwargs.get("transaction")) or "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        restore_staff_groups()


@pytest.fixture(autouse=True)
def _empty_cache():
    # The page cache's clock outlives the test's database: forget the next
    # go-live it heard of, so the first request asks the database.
    get_clock().set_next_go_live(UNKNOWN)
    # Each worker's copy of the site settings is checked against the clock,
    # which a rolled-back test does not move: drop it.
    SiteSettings._loaded.clear()
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
