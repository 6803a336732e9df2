"""Chromium for the browser tests: Debian's system build, driven by Playwright.

Playwright is never asked to download a browser. Where Chromium is missing the
tests are skipped with the reason, except in CI (FILMSITE_REQUIRE_BROWSERS=1),
where a missing browser is a failure.

Why DJANGO_ALLOW_ASYNC_UNSAFE: Playwright's sync API runs an asyncio event
loop in the test's thread for as long as the browser is open. Django sees that
running loop and refuses ORM calls from the same thread (SynchronousOnlyOperation),
which would break loading the demo and the database flush pytest-django does
after each live_server test. The ORM is still only used synchronously here, so
the check is switched off, and only while the browser is running.
"""

import os
import time
from pathlib import Path

import pytest

from tests.conftest import load_demo

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path("/tmp/filmsite-tests-output")


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("FILMSITE_CHROMIUM") or "/usr/bin/chromium"
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        reason = f"Chromium not found at {path}; install Debian's chromium"
        if os.environ.get("FILMSITE_REQUIRE_BROWSERS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def live_site(browser, live_server, transactional_db):
    """A live server whose requests are over before the database is emptied.

    pytest-django empties the database after each live-server test. A request
    the browser started just before the test ended (a picture, the presence
    poll) may still be running in the server's thread, inside a transaction;
    on PostgreSQL its locks and the TRUNCATE then deadlock and the test errors
    at teardown. So every page is closed first, then any connection still
    open on the test database is ended before the flush.
    """
    yield live_server
    for context in list(browser.contexts):
        context.close()
    _end_other_connections()


def _end_other_connections():
    from django.db import connection

    if connection.vendor != "postgresql":
        return  # SQLite's writers wait for each other (WAL busy timeout)
    others = (
        "SELECT pid FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_terminate_backend(pid) FROM ({others}) AS s")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            cursor.execute(others)
            if not cursor.fetchall():
                return
            time.sleep(0.05)


@pytest.fixture
def live_demo(live_site, settings):
    """The demo, served by a live server."""
    load_demo(settings)
    return live_site
