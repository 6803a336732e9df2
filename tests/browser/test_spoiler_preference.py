"""The "Always show spoilers" choice: JavaScript only, remembered, undoable."""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.browser

ARTICLE = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})


def open_states(page):
    return page.locator("details.spoiler").evaluate_all("blocks => blocks.map(b => b.open)")


def control(page):
    return page.get_by_role("button", name="Always show spoilers")


def test_choice_opens_everything_is_remembered_and_can_be_undone(page, live_demo, screenshots):
    page.goto(live_demo.url + ARTICLE)
    button = control(page)
    assert button.get_attribute("aria-pressed") == "false"
    assert not any(open_states(page))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=screenshots / "spoilers-folded-1280.png", full_page=True)

    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert all(open_states(page))
    assert page.evaluate("localStorage.getItem('filmsite:show-spoilers')") == "1"
    assert page.get_by_text("matchbook").first.is_visible()
    page.screenshot(path=screenshots / "spoilers-all-shown-1280.png", full_page=True)

    # Remembered on this device: a new visit opens every spoiler by itself.
    page.reload()
    assert control(page).get_attribute("aria-pressed") == "true"
    assert all(open_states(page))

    # Undo: everything folds again and the choice is forgotten.
    control(page).click()
    assert control(page).get_attribute("aria-pressed") == "false"
    assert not any(open_states(page))
    page.reload()
    assert not any(open_states(page))
    assert page.evaluate("localStorage.getItem('filmsite:show-spoilers')") is None


def test_choice_works_from_the_keyboard(page, live_demo):
    page.goto(live_demo.url + ARTICLE)
    control(page).focus()
    page.keyboard.press("Enter")
    assert all(open_states(page))
    page.keyboard.press(" ")
    assert not any(open_states(page))


def test_control_is_described_and_visible_on_a_phone(page, live_demo, screenshots):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo.url + ARTICLE)
    button = control(page)
    assert button.is_visible()
    described_by = button.get_attribute("aria-describedby")
    assert "this device" in page.locator(f"#{described_by}").inner_text()
    box = button.bounding_box()
    assert box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 390
    button.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "spoilers-folded-390.png", full_page=True)
    button.click()
    page.screenshot(path=screenshots / "spoilers-all-shown-390.png", full_page=True)


def test_without_javascript_there_is_no_control(no_js_page, live_demo):
    no_js_page.goto(live_demo.url + ARTICLE)
    assert no_js_page.locator(".spoiler-pref").count() == 0
    # The header's search button is a plain form button; the article has none.
    assert no_js_page.locator("main").get_by_role("button").count() == 0
    assert not any(open_states(no_js_page))


def test_other_pages_get_no_control(page, live_demo):
    page.goto(live_demo.url + reverse("articles:home"))
    assert page.locator(".spoiler-pref").count() == 0
