"""What assistive technology is told about a spoiler block: Chromium's own
accessibility tree, read over the DevTools protocol, not our markup."""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.browser

ARTICLE = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})


def disclosure_states(page):
    """{accessible name: expanded} for every disclosure control on the page."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    states = {}
    for node in tree["nodes"]:
        if node.get("role", {}).get("value") != "DisclosureTriangle":
            continue
        props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
        states[node["name"]["value"]] = (props.get("expanded"), props.get("focusable"))
    return states


def test_summary_is_a_focusable_disclosure_whose_state_follows_the_block(page, live_demo):
    page.goto(live_demo.url + ARTICLE)
    states = disclosure_states(page)
    ending = next(name for name in states if "reveals the ending" in name.lower())
    assert "spoiler warning" in ending.lower()  # the warning is the control's name
    assert states[ending] == (False, True)
    assert all(expanded is False for expanded, _ in states.values())

    page.locator("summary", has_text="reveals the ending").focus()
    page.keyboard.press("Enter")
    assert ending_state(page) == (True, True)
    page.keyboard.press(" ")
    assert ending_state(page) == (False, True)


def ending_state(page):
    # The name drops "Show this section" while open, so match on the warning.
    states = disclosure_states(page)
    return next(v for name, v in states.items() if "reveals the ending" in name.lower())
