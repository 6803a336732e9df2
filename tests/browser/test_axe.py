"""Every public page type has no axe-core violations of WCAG 2.1 A and AA.

axe-core (npm, installed by `make referees`) runs inside the system Chromium.
The page's Content-Security-Policy would block the injected script, so these
contexts bypass CSP; nothing else about the page changes.
"""

import pytest
from django.urls import reverse

from tests.conftest import DEMO_ARTICLE_SLUG
from tests.tools import axe_js

pytestmark = [pytest.mark.browser, pytest.mark.referee]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTICLE = reverse("articles:article", kwargs={"slug": DEMO_ARTICLE_SLUG})
PAGES = {
    "home": reverse("articles:home"),
    "article-list": reverse("articles:article_list"),
    "article": ARTICLE,
    "film": reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2019"}),
    "original-film": reverse("articles:film", kwargs={"slug": "miracle-in-cell-no-7-2013"}),
    "author": reverse("articles:author", kwargs={"slug": "editorial-team"}),
    "hub": reverse("articles:hub", kwargs={"slug": "based-on-real-events"}),
    "topic": reverse("topics:topic", kwargs={"slug": "miracle-in-cell-no-7-every-version"}),
    "topics": reverse("topics:index"),
    "site-page": reverse("sitepages:page", kwargs={"slug": "corrections-policy"}),
    "editorial-standards": reverse("sitepages:page", kwargs={"slug": "editorial-standards"}),
    "privacy": reverse("sitepages:page", kwargs={"slug": "privacy"}),
    "not-found": "/no/such/page/",
    "search": reverse("search:results") + "?q=miracle+in+cel+7",
    "search-nothing-found": reverse("search:results") + "?q=zzyzzx",
}


@pytest.fixture
def axe_page(browser):
    script = axe_js()
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.axe_script = script
    yield page
    context.close()


def violations(page):
    page.add_script_tag(path=str(page.axe_script))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    assert results["passes"], "axe ran no checks"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"])
        for v in results["violations"]
    ]


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_violations(axe_page, live_demo, name):
    response = axe_page.goto(live_demo.url + PAGES[name])
    assert response.status == (404 if name == "not-found" else 200)
    assert violations(axe_page) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_article_with_every_spoiler_open_has_no_wcag_violations(axe_page, live_demo, width):
    axe_page.set_viewport_size({"width": width, "height": 900})
    axe_page.goto(live_demo.url + ARTICLE)
    axe_page.get_by_role("button", name="Always show spoilers").click()
    assert axe_page.locator("details.spoiler:not([open])").count() == 0
    assert violations(axe_page) == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", ["home", "article", "film", "author", "search"])
def test_dark_theme_has_no_wcag_violations(browser, live_demo, name, width):
    """The dark colours are checked as readers get them (contrast included)."""
    context = browser.new_context(
        bypass_csp=True, color_scheme="dark", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.axe_script = axe_js()
    try:
        assert page.goto(live_demo.url + PAGES[name]).status == 200
        if name == "article":  # the open spoiler blocks' colours too
            page.get_by_role("button", name="Always show spoilers").click()
        assert violations(page) == []
    finally:
        context.close()
