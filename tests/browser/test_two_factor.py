"""Two-factor sign-in in a real browser, on the demo, with the site's CSP enforced.

The editor signs in with their password, is taken to the set-up page, reads
the key printed there (as someone typing it into their app would), and the
test computes the app's code from it. Confirming shows the backup codes
once; the admin then opens. Signing in again, one of those backup codes
completes the sign-in.
"""

import base64
import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def code_from_key(key_text):
    """What an authenticator app shows now for the key as printed on the page."""
    key = base64.b32decode(key_text.replace(" ", ""))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time()
    return f"{totp.token():06d}"


def sign_in_with_password(page, base, username):
    page.goto(base + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")


def test_an_editor_sets_up_an_app_reaches_the_admin_and_signs_in_again_with_a_backup_code(
    browser, live_demo, settings, screenshots
):
    settings.DEBUG = True  # demo accounts sign in only on a DEBUG site (filmsite.auth)
    settings.REQUIRE_STAFF_2FA = True
    base = live_demo.url
    context = browser.new_context(viewport={"width": 1200, "height": 1000})
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

    # The password alone does not open the admin: first, set up an app.
    sign_in_with_password(page, base, "editor")
    page.wait_for_url("**/admin/two-factor/set-up/**")
    expect(page.locator("#user-tools")).to_have_count(0)
    qr = page.locator(".filmsite-two-factor__qr-box svg")
    expect(qr).to_be_visible()
    assert qr.bounding_box()["width"] >= 150  # big enough for a phone's camera
    page.screenshot(path=screenshots / "two-factor-set-up.png", full_page=True)
    key_text = page.locator("#two-factor-secret").inner_text()

    # A wrong code first: the field says so, and nothing opens.
    right = code_from_key(key_text)
    page.fill("#id_code", f"{(int(right) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.locator(".errorlist")).to_contain_text("That code does not match")
    page.goto(base + reverse("admin:index"))
    page.wait_for_url("**/admin/two-factor/set-up/**")

    # Wrong codes pause further tries for a second; then the app's code works.
    time.sleep(1.5)
    page.fill("#id_code", code_from_key(key_text))
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.locator(".filmsite-two-factor__done")).to_have_text("Two-factor sign-in is set up.")
    codes = page.locator(".filmsite-two-factor__codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    expect(page.locator("#user-tools")).to_be_visible()
    assert page.url == base + reverse("admin:index")
    page.goto(base + reverse("admin:articles_article_changelist"))
    expect(page.locator("#result_list")).to_be_visible()

    # Signing in again asks for a code; a backup code does it, once.
    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page, base, "editor")
    page.wait_for_url("**/admin/two-factor/?next=*")
    page.fill("#id_code", codes[0])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#user-tools")).to_be_visible()

    assert console + page.evaluate("window.__cspViolations || []") == []
    context.close()
