"""Outside referees for the "Suggest a correction" page: the W3C Nu HTML
checker and axe-core in Chromium, on the empty form and with errors shown.

Skipped with the reason where a tool is missing (`make referees` installs
both into .tools/); with FILMSITE_REQUIRE_BROWSERS=1, as in CI, a missing
tool is a failure instead.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.browser.conftest import (  # noqa: F401  (fixtures)
    browser,
    chromium_path,
    live_demo,
    live_site,
)
from tests.conftest import DEMO_ARTICLE_SLUG

pytestmark = pytest.mark.referee

TOOLS = Path(settings.BASE_DIR) / ".tools" / "node_modules"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "axe-core" / "axe.min.js"
FORM_PATH = reverse("corrections:suggest", kwargs={"slug": DEMO_ARTICLE_SLUG})


def missing(reason):
    if os.environ.get("FILMSITE_REQUIRE_BROWSERS") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def vnu():
    if not VNU_JAR.is_file() or shutil.which("java") is None:
        missing("the Nu HTML checker needs `make referees` and Java")
    return VNU_JAR


@pytest.fixture(scope="module")
def axe():
    if not AXE_JS.is_file():
        missing("axe-core is missing; run `make referees`")
    return AXE_JS


@pytest.fixture
def page(browser):  # noqa: F811
    # axe is injected as a script, which the site's CSP would rightly block.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def show_form(page, server, *, with_errors):
    response = page.goto(server.url + FORM_PATH)
    assert response.status == 200
    if with_errors:
        page.fill("#id_message", "short")
        page.fill("#id_email", "not-an-address")
        with page.expect_navigation():
            page.click("main button[type=submit]")
        page.wait_for_load_state("load")
        assert page.locator(".errorlist").count() == 2


@pytest.mark.browser
@pytest.mark.parametrize("with_errors", [False, True], ids=["empty", "with-errors"])
def test_form_page_passes_the_nu_html_checker(vnu, page, live_demo, with_errors):  # noqa: F811
    show_form(page, live_demo, with_errors=with_errors)
    result = subprocess.run(
        ["java", "-jar", str(vnu), "--format", "json", "--stdout", "-"],
        input=page.content().encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    messages = json.loads(result.stdout)["messages"]
    assert messages == [], json.dumps(messages, indent=2)


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("with_errors", [False, True], ids=["empty", "with-errors"])
def test_form_page_passes_axe(axe, page, live_demo, width, with_errors):  # noqa: F811
    page.set_viewport_size({"width": width, "height": 900})
    show_form(page, live_demo, with_errors=with_errors)
    page.add_script_tag(path=str(axe))
    results = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    problems = [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results["violations"]
    ]
    assert problems == [], json.dumps(problems, indent=2)


@pytest.mark.browser
def test_keyboard_reaches_every_field_but_not_the_honeypot(page, live_demo):  # noqa: F811
    show_form(page, live_demo, with_errors=False)
    reached = []
    while "submit" not in reached and len(reached) < 40:
        page.keyboard.press("Tab")
        # Controls outside the form (the header's search) are told apart.
        reached.append(
            page.evaluate(
                "() => { const e = document.activeElement, what = e.name || e.type || '';"
                " return e.closest('main') ? what : 'outside ' + what; }"
            )
        )
    assert "message" in reached and "email" in reached and "submit" in reached
    assert "website" not in reached
    # The focused button shows a ring.
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
