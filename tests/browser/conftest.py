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

import importlib
import os
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


def restore_staff_groups():
    """Recreate the groups migrations 0002 and 0004 make, if a flush removed them.

    Each live_server test ends with a flush of every table; Django then
    recreates permissions, but rows that data migrations made (the staff
    groups) are gone, and the demo loader needs them.
    """
    from django.contrib.auth.models import Group, Permission

    groups = importlib.import_module("articles.migrations.0002_editorial_groups").GROUPS
    grants = importlib.import_module("articles.migrations.0004_review_workflow_permissions").GRANTS
    images = importlib.import_module("images.migrations.0002_staff_permissions").PERMISSIONS
    wanted_by_group = {name: list(wanted) + images.get(name, []) for name, wanted in groups.items()}
    for name, app, codename in grants:
        wanted_by_group.setdefault(name, []).append((app, codename))
    for name, wanted in wanted_by_group.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(
                [
                    Permission.objects.get(content_type__app_label=app, codename=codename)
                    for app, codename in wanted
                ]
            )


@pytest.fixture
def live_demo(browser, live_server, transactional_db, settings):
    """The demo, served by a live server."""
    restore_staff_groups()
    load_demo(settings)
    return live_server
