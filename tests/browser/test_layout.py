"""The article page as a reader first sees it, on a desktop and on a phone,
in the dark theme and on paper: what the design promises, measured."""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.browser

ARTICLE = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})


@pytest.fixture
def reader(browser):
    """A page whose viewport and colour scheme each test sets."""
    contexts = []

    def open_page(width, height, color_scheme="light"):
        context = browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_desktop_puts_verdict_picture_and_first_section_on_the_first_screen(reader, live_demo):
    page = reader(1280, 800)
    page.goto(live_demo.url + ARTICLE)
    main, side = box(page, ".article__main"), box(page, ".article__side")
    assert 660 <= main["width"] <= 720  # a reading column, not the full width
    assert side["x"] >= main["x"] + main["width"]  # the side column is beside it
    assert box(page, ".article__body h2")["y"] < 800
    assert box(page, ".verdict__label")["y"] + box(page, ".verdict__label")["height"] < 800
    assert box(page, ".figure--hero img")["y"] < 800


def test_contents_stay_in_view_while_reading_on_desktop(reader, live_demo):
    page = reader(1280, 800)
    page.goto(live_demo.url + ARTICLE)
    page.locator("#faq").scroll_into_view_if_needed()
    toc = box(page, ".toc")
    assert 0 <= toc["y"] < 800
    page.get_by_role("link", name="Disclaimer").click()
    assert page.evaluate("location.hash") == "#disclaimer"


def test_phone_shows_the_verdict_and_the_picture_on_the_first_screen(reader, live_demo):
    page = reader(390, 844)
    page.goto(live_demo.url + ARTICLE)
    kicker = page.locator(".article__header .kicker")
    assert "No, it is fiction" in kicker.text_content()
    assert box(page, ".article__header .kicker")["y"] < 844
    assert box(page, ".figure--hero img")["y"] < 844
    # The verdict is the line above the title; its box starts on the first screen too.
    assert box(page, ".verdict")["y"] < 844
    # One column: the side blocks sit above the text, not beside it.
    assert box(page, ".article__side")["x"] == box(page, ".article__main")["x"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_dark_theme_follows_the_system_setting(reader, live_demo):
    def colours(scheme):
        page = reader(1280, 800, scheme)
        page.goto(live_demo.url + ARTICLE)
        return page.evaluate(
            "[getComputedStyle(document.documentElement).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )

    light, dark = colours("light"), colours("dark")
    assert light != dark
    background = [int(n) for n in dark[0][4:-1].split(",")[:3]]
    assert max(background) < 60  # a dark page, not a dimmed light one


def test_print_leaves_out_navigation_and_keeps_spoilers_folded(reader, live_demo):
    page = reader(800, 1100)
    page.goto(live_demo.url + ARTICLE)
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".toc", ".share"):
        assert not page.locator(hidden).first.is_visible(), hidden
    spoiler = page.locator("details.spoiler").first
    assert spoiler.locator("summary").is_visible()
    assert not spoiler.locator(".spoiler__body").is_visible()
    # Opened on screen, it prints open.
    spoiler.locator("summary").click()
    assert spoiler.locator(".spoiler__body").is_visible()


def test_fonts_are_served_by_the_site_itself(reader, live_demo):
    page = reader(1280, 800)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_demo.url + ARTICLE)
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('600 2rem Fraunces')")
    assert page.evaluate("document.fonts.check('1rem Inter')")
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(live_demo.url + "/static/fonts/") for url in fonts)
    assert all(url.startswith(live_demo.url) for url in requests)


def test_share_buttons_work_under_the_strict_csp(reader, live_demo):
    from playwright.sync_api import expect

    page = reader(1280, 800)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(live_demo.url + ARTICLE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy link").click()
    # The clipboard answers asynchronously; wait for the status to say so.
    expect(page.locator(".share__status")).to_have_text("Link copied.")
    address = page.locator("#share-address").input_value()
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert errors == []
