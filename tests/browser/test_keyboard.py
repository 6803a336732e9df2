"""Reading with the keyboard alone: skip link, visible focus, heading order,
and a table of contents whose links reach their sections."""

from itertools import pairwise

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.browser

ARTICLE = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})
PAGES = [
    reverse("articles:home"),
    reverse("articles:article_list"),
    ARTICLE,
    reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2019"}),
    reverse("articles:author", kwargs={"slug": "editorial-team"}),
]

FOCUS_RING = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName,
    text: (el.textContent || '').trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    visible: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0,
  };
}"""


def test_skip_link_is_first_and_moves_to_main(page, live_demo):
    page.goto(live_demo.url + ARTICLE)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUS_RING)
    assert focused["text"] == "Skip to main content"
    assert focused["visible"] and focused["outline"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not back in the header.
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_every_focus_stop_shows_a_visible_ring(page, live_demo):
    page.goto(live_demo.url + ARTICLE)
    seen = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_RING)
        if focused["tag"] == "BODY":
            break
        assert focused["outline"], focused
        assert focused["visible"], focused
        seen += 1
    assert seen > 20


@pytest.mark.parametrize("path", PAGES)
def test_headings_are_in_order(page, live_demo, path):
    page.goto(live_demo.url + path)
    levels = page.locator("h1, h2, h3, h4, h5, h6").evaluate_all(
        "hs => hs.map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    for previous, level in pairwise(levels):
        assert level <= previous + 1, levels


@pytest.fixture
def still_page(browser):
    """A reader who asked for reduced motion: in-page links jump instead of gliding.

    Headless Chromium without a GPU stalls smooth scrolling part-way, which
    would make the position check below flaky; the jump is what it tests.
    """
    context = browser.new_context(reduced_motion="reduce")
    yield context.new_page()
    context.close()


def test_table_of_contents_reaches_each_section(still_page, live_demo):
    page = still_page
    page.goto(live_demo.url + ARTICLE)
    links = page.locator(".toc a")
    hrefs = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 5
    for href in hrefs:
        assert page.locator(href).count() == 1, href
    # Follow one with the keyboard: focus the link, press Enter.
    target = hrefs[-2]
    page.locator(f'.toc a[href="{target}"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    top = page.evaluate(f"document.getElementById('{target[1:]}').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"] / 2
    # The next Tab continues from the section, not from the table of contents.
    page.keyboard.press("Tab")
    assert page.evaluate(
        f"""document.getElementById('{target[1:]}').compareDocumentPosition(
            document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"""
    )
