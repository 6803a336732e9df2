"""The whole review story in a real browser, on the demo.

An editor changes the demo article and submits it; a moderator finds it in
the queue, reads the diff and approves it; a reader sees the new text and
the new "Updated" date.
"""

import pytest
from django.urls import reverse
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from tests.conftest import DEMO_ARTICLE_SLUG, DEMO_PASSWORD

pytestmark = pytest.mark.browser

ARTICLE_PATH = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})
NEW_TEXT = "A paragraph the editor added in the browser test."
SUMMARY = "Added a note about the remake."


def log_in(browser, base_url, username):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(base_url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    assert page.locator("#user-tools").count() == 1, f"{username} could not log in"
    return context, page


def test_editor_submits_moderator_approves_reader_sees_it(
    browser, live_demo, settings, screenshots
):
    settings.DEBUG = True  # demo accounts log in only on a DEBUG site (filmsite.auth)
    base = live_demo.url

    # The editor changes the first section and submits it for review.
    context, page = log_in(browser, base, "editor")
    # The Markdown editor's live preview posts in the background as one types; the
    # test database (in-memory SQLite) serves one writer at a time and refuses
    # rather than waits, so the preview is answered here instead of racing the save.
    page.route(
        "**/markdownx/markdownify/",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>…</p>"),
    )
    page.goto(base + reverse("admin:articles_article_changelist"))
    page.get_by_role("link", name="Is Miracle in Cell No. 7 (2019) a True Story").first.click()
    page.locator("#sections-group .filmsite-items__expand").click()  # sections open folded
    body = page.locator('textarea[name="sections-0-body"]')
    body.fill(f"{body.input_value()}\n\n{NEW_TEXT}")
    page.locator('input[name="_submit"]').first.click()
    page.fill("#id_change_summary", SUMMARY)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("is waiting for review")
    context.close()

    # Readers still see the old text.
    context = browser.new_context()
    reader = context.new_page()
    reader.goto(base + ARTICLE_PATH)
    assert NEW_TEXT not in reader.content()
    context.close()

    # The moderator finds it in the queue, reads the diff and approves it.
    context, page = log_in(browser, base, "moderator")
    assert page.locator("a.filmsite-queue-link").text_content() == "Review queue (1)"
    page.locator(".desk__shelf--queue h3 a").click()
    page.wait_for_url("**/submission/")
    page.screenshot(path=screenshots / "review-queue.png", full_page=True)
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url("**/review/")
    inserted = page.locator(".review__diff ins")
    expect(inserted.first).to_be_visible()
    assert any(NEW_TEXT in text for text in inserted.all_inner_texts()), page.locator(
        ".review__diff"
    ).inner_text()[:1500]
    assert SUMMARY in page.locator(".review__summary").inner_text()
    page.screenshot(path=screenshots / "review-screen.png", full_page=True)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_contain_text("it is live now")
    context.close()

    # A reader sees the new text and today's "Updated" date.
    context = browser.new_context()
    reader = context.new_page()
    reader.goto(base + ARTICLE_PATH)
    assert NEW_TEXT in reader.locator("main").inner_text()
    today = dateformat.format(timezone.localtime(), "M j, Y")
    byline = reader.locator(".byline").inner_text()
    assert f"Updated {today}" in byline
    assert SUMMARY in reader.locator(".update-history").inner_text()
    reader.screenshot(path=screenshots / "after-approval.png", full_page=True)
    context.close()
