"""Spoiler blocks on the demo article, in a real browser."""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.browser

ARTICLE_PATH = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})
GIVEAWAY = "matchbook"  # in the last line of "Ending explained"


def open_article(page, live_demo):
    response = page.goto(live_demo.url + ARTICLE_PATH)
    assert response.status == 200
    return page.locator("details", has=page.locator("summary", has_text="reveals the ending"))


def test_spoiler_is_hidden_until_clicked(page, live_demo, screenshots):
    ending = open_article(page, live_demo)
    text = ending.locator(".spoiler__body")
    assert ending.count() == 1
    assert GIVEAWAY in text.text_content()  # in the page, but folded away
    assert not text.is_visible()
    assert ending.evaluate("details => details.open") is False
    page.screenshot(path=screenshots / "spoiler-closed.png", full_page=True)

    ending.locator("summary").click()

    assert text.is_visible()
    assert GIVEAWAY in text.inner_text()
    assert ending.evaluate("details => details.open") is True
    page.screenshot(path=screenshots / "spoiler-open.png", full_page=True)


def test_every_spoiler_block_starts_closed(page, live_demo):
    open_article(page, live_demo)
    states = page.locator("details").evaluate_all("blocks => blocks.map(b => b.open)")
    assert states
    assert not any(states)


def focus_summary_by_tab(page, summary_text, presses=200):
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement.tagName === 'SUMMARY'"
            " ? document.activeElement.textContent : null"
        )
        if focused and summary_text.lower() in focused.lower():
            return
    pytest.fail(f"Tab never reached the summary containing {summary_text!r}")


@pytest.mark.parametrize("key", ["Enter", " "], ids=["enter", "space"])
def test_spoiler_opens_and_closes_from_the_keyboard(page, live_demo, key):
    ending = open_article(page, live_demo)
    text = ending.locator(".spoiler__body")
    focus_summary_by_tab(page, "reveals the ending")
    assert not text.is_visible()

    page.keyboard.press(key)
    assert text.is_visible()

    page.keyboard.press(key)
    assert not text.is_visible()


def test_spoiler_works_without_javascript(no_js_page, live_demo, screenshots):
    page = no_js_page
    ending = open_article(page, live_demo)
    text = ending.locator(".spoiler__body")
    assert not text.is_visible()

    ending.locator("summary").click()

    assert text.is_visible()
    page.screenshot(path=screenshots / "spoiler-open-no-js.png", full_page=True)
