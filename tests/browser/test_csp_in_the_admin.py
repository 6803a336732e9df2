"""No Content-Security-Policy violation while an editor works in the admin.

The site's policy allows no inline script and no foreign source, on the
admin and the Markdown editor too. The browser reports every refusal as a
``securitypolicyviolation`` event and a console error; this test records
both while an editor opens the admin, writes with the live preview, uploads
a picture, saves and submits, and fails on any.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.conftest import DEMO_ARTICLE_SLUG, DEMO_PASSWORD
from tests.images import hostile

from .test_images import drop_file

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: console.append(f"script error: {error}"))
    yield page, console
    context.close()


def violations(page, console):
    return console + page.evaluate("window.__cspViolations || []")


def answer_previews_in_the_test(page, editor):
    """The live preview, rendered by the real view through Django's test client.

    The live server's in-memory SQLite breaks under overlapping requests, and
    every editor on the page asks for its preview at once; answering here
    keeps one request at a time while the page still gets the real HTML.
    """
    client = Client()
    client.force_login(editor)

    def handle(route):
        response = client.post(
            "/markdownx/markdownify/",
            route.request.post_data_buffer,
            content_type=route.request.headers["content-type"],
        )
        route.fulfill(status=response.status_code, body=response.content, content_type="text/html")

    page.route("**/markdownx/markdownify/", handle)


def test_editor_writes_previews_uploads_and_submits_without_a_violation(
    live_demo, watched, settings
):
    settings.DEBUG = True  # the demo accounts sign in only on a DEBUG site
    page, console = watched
    base = live_demo.url
    editor = get_user_model().objects.get(username="editor")
    answer_previews_in_the_test(page, editor)

    page.goto(base + reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()
    for path in ("/admin/", "/admin/articles/article/", "/admin/images/image/add/"):
        page.goto(base + path, wait_until="networkidle")
        assert violations(page, console) == [], path

    article = Article.objects.get(slug=DEMO_ARTICLE_SLUG)
    page.goto(base + f"/admin/articles/article/{article.pk}/change/", wait_until="networkidle")
    body = "#id_sections-0-body"
    page.locator("#sections-group .filmsite-items__expand").click()  # sections open folded
    page.wait_for_selector(f"{body}[data-markdownx-init]")
    # Writing: the preview follows the text.
    with page.expect_request("**/markdownx/markdownify/"):
        page.locator(body).fill("A new first paragraph with **freshly bold** words.")
    expect(page.locator(".markdownx-preview strong", has_text="freshly bold")).to_be_visible()
    # Uploading a picture into the text.
    with page.expect_response("**/markdownx/upload/") as upload:
        drop_file(page, body, "still.jpg", hostile.picture((900, 600)), "image/jpeg")
    assert upload.value.status == 200
    page.wait_for_function(
        f"() => document.querySelector('{body}').value.includes('/media/images/')"
    )
    # The picture dialog asks for alt text; it is written into the text below instead.
    dialog = page.get_by_role("dialog", name="Insert picture")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()
    text = page.locator(body).input_value()
    page.locator(body).fill(text.replace("![](", "![A still from the film](", 1))
    assert violations(page, console) == []

    # Saving, then submitting for review.
    page.locator('input[name="_submit"]').first.click()
    page.fill("#id_change_summary", "Rewrote the first paragraph.")
    assert violations(page, console) == []
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("is waiting for review")
    assert violations(page, console) == []


def test_the_recorder_sees_an_inline_script_refused(live_demo, watched):
    """The check above can fail: an injected inline script is refused and recorded."""
    page, console = watched
    page.goto(live_demo.url + reverse("admin:login"))
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.head.append(script);
        }"""
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in violations(page, console))
