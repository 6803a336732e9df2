"""The payload corpus in Chromium: nothing runs, even with the CSP switched off.

The pages hold every payload in every field (tests/hostile_site.py). The
browser context bypasses the site's Content-Security-Policy, so this checks
the markup itself, not the policy that would also stop it; ``xssMarker``
and dialogs are hooked, and any call or dialog fails the test. The Markdown
editor's live preview runs too (it inserts the rendered HTML with
``innerHTML``) on the article's change page.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.test import Client
from django.urls import reverse

from tests import hostile_site
from tests.factories import SuperuserFactory
from tests.payloads import PAYLOADS

pytestmark = pytest.mark.browser

HOOKS = """
window.__xss = [];
window.xssMarker = () => window.__xss.push(location.pathname);
window.alert = window.confirm = window.prompt = () => window.__xss.push("dialog");
"""
EVERY = 8


@pytest.fixture
def hostile(live_site, settings):
    from tests.helpers import restore_staff_groups

    restore_staff_groups()
    settings.CORRECTIONS_RATE_LIMIT = 10_000
    return live_site, hostile_site.build(PAYLOADS)


def signed_in_context(browser, base_url):
    admin = SuperuserFactory()
    client = Client()
    client.force_login(admin)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context = browser.new_context(bypass_csp=True)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
    assert get_user_model().objects.filter(pk=client.session[SESSION_KEY]).exists()
    return context


def test_no_payload_runs_in_chromium(browser, hostile):
    server, site = hostile
    context = signed_in_context(browser, server.url)
    context.add_init_script(HOOKS)
    dialogs = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # The preview is answered by the live server one request at a time.
    ran, loaded = [], 0

    def visit(path, **kwargs):
        nonlocal loaded
        response = page.goto(server.url + path, **kwargs)
        assert response.status < 500, path
        page.wait_for_timeout(50)  # let onload, onerror and autofocus handlers fire
        ran.extend(page.evaluate("window.__xss"))
        loaded += 1

    for path in (
        "/",
        "/articles/",
        "/admin/articles/submission/",
        "/admin/corrections/correction/",
    ):
        visit(path)
    for number, item in enumerate(site):
        visit(reverse("articles:article", kwargs={"slug": item.article.slug}))
        visit(reverse("admin:articles_submission_review", args=[item.pending.pk]))
        if number % EVERY == 0:
            visit(item.film.get_absolute_url())
            visit(reverse("admin:articles_submission_page", args=[item.pending.pk]))
            visit(
                reverse("admin:articles_article_change", args=[item.article.pk]),
                wait_until="networkidle",
            )
    context.close()
    print(f"{len(PAYLOADS)} payloads; {loaded} pages loaded in Chromium; {len(ran)} executions")
    assert ran == [] and dialogs == []
