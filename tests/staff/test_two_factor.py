"""Two-factor sign-in: setting up an app, entering codes, backup codes, pauses after wrong codes."""

import base64
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.models import AuditEvent
from tests.factories import EditorFactory
from tests.staff.two_factor_helpers import (
    BACKUP_CODES,
    ENROL,
    VERIFY,
    app_code,
    give_app,
    signed_in,
    verified,
)

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")


@pytest.fixture(autouse=True)
def required(settings):
    settings.REQUIRE_STAFF_2FA = True


@pytest.fixture
def editor():
    return EditorFactory(username="editor")


def parse(content):
    return BeautifulSoup(content, "html.parser")


def field_error(response):
    errors = parse(response.content).select(".errorlist")
    return " ".join(e.get_text(" ", strip=True) for e in errors)


def pending(user):
    return TOTPDevice.objects.get(user=user, confirmed=False)


def audit_actions(user):
    return list(
        AuditEvent.objects.filter(actor=user).order_by("at", "pk").values_list("action", flat=True)
    )


# --- Setting up ----------------------------------------------------------------


def test_set_up_page_shows_a_qr_code_and_the_key_to_type(editor):
    client = signed_in(editor)
    page = parse(client.get(ENROL).content)
    svg = page.select_one(".filmsite-two-factor__qr-box svg")
    assert svg is not None and svg.select("path")
    assert svg.get("role") == "img" and svg.title.string
    # The key in text is the device's secret, in groups of four for typing.
    secret = page.select_one("#two-factor-secret").get_text()
    assert base64.b32decode(secret.replace(" ", "")) == pending(editor).bin_key
    # No image request and nothing inline the CSP would block.
    assert not page.select("img") and not page.select("[style]") and not page.select("style")


def test_reloading_the_set_up_page_keeps_the_same_key(editor):
    client = signed_in(editor)
    first = parse(client.get(ENROL).content).select_one("#two-factor-secret").get_text()
    second = parse(client.get(ENROL).content).select_one("#two-factor-secret").get_text()
    assert first == second
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_confirming_with_a_code_shows_ten_backup_codes_once_and_opens_the_admin(editor):
    client = signed_in(editor)
    client.get(ENROL)
    response = client.post(ENROL, {"code": app_code(pending(editor)), "next": ADMIN})
    assert response.status_code == 200
    shown = [
        c.get_text() for c in parse(response.content).select(".filmsite-two-factor__codes code")
    ]
    assert len(shown) == 10 and len(set(shown)) == 10
    assert sorted(shown) == sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get(ADMIN).status_code == 200
    # Never shown again, not even on the set-up page (which now offers a new phone).
    again = client.get(ENROL).content.decode()
    assert not any(code in again for code in shown)
    assert "set up two-factor sign-in" in audit_actions(editor)


def test_a_wrong_code_at_set_up_is_a_field_error_and_sets_nothing_up(editor):
    client = signed_in(editor)
    client.get(ENROL)
    right = app_code(pending(editor))
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong})
    assert response.status_code == 200
    assert "That code does not match" in field_error(response)
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(ADMIN)["Location"].startswith(ENROL)


def test_a_verified_session_moves_to_a_new_phone_and_the_old_app_stops_working(editor):
    old = give_app(editor)
    old_code = app_code(old, steps_ahead=1)  # from the old phone, not yet used
    client = verified(editor)
    assert "Move to a new phone" in client.get(ADMIN).content.decode()
    client.get(ENROL)
    new = pending(editor)
    response = client.post(ENROL, {"code": app_code(new)})
    assert len(parse(response.content).select(".filmsite-two-factor__codes code")) == 10
    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    assert client.get(ADMIN).status_code == 200
    assert AuditEvent.objects.filter(actor=editor).first().detail == (
        "replaced the earlier app and backup codes"
    )
    other = signed_in(editor)
    assert "wrong or has already been used" in field_error(other.post(VERIFY, {"code": old_code}))


def test_an_account_with_an_app_cannot_set_up_another_without_a_code(editor):
    give_app(editor)
    client = signed_in(editor)
    response = client.get(ENROL)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


# --- Signing in ------------------------------------------------------------------


def test_the_right_app_code_completes_the_sign_in_and_goes_where_asked(editor):
    device = give_app(editor)
    client = signed_in(editor)
    changelist = reverse("admin:articles_article_changelist")
    response = client.post(VERIFY, {"code": app_code(device), "next": changelist})
    assert response.status_code == 302 and response["Location"] == changelist
    assert client.get(changelist).status_code == 200


def test_a_wrong_code_is_a_field_error_and_is_recorded(editor):
    device = give_app(editor)
    client = signed_in(editor)
    right = app_code(device)
    response = client.post(VERIFY, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})
    assert response.status_code == 200
    assert "wrong or has already been used" in field_error(response)
    assert client.get(ADMIN).status_code == 302
    assert audit_actions(editor)[-1] == "two-factor code refused"


def test_empty_and_oversized_codes_are_field_errors(editor):
    give_app(editor)
    client = signed_in(editor)
    assert "This field is required" in field_error(client.post(VERIFY, {"code": ""}))
    response = client.post(VERIFY, {"code": "9" * 500})
    assert response.status_code == 200 and "at most 40 characters" in field_error(response)


def test_wrong_codes_pause_further_tries_even_the_right_one(editor):
    device = give_app(editor)
    client = signed_in(editor)
    right = app_code(device)
    for _ in range(3):
        client.post(VERIFY, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})
        device.refresh_from_db()
        # Step past the pause so every wrong try is actually checked.
        device.throttling_failure_timestamp -= timedelta(minutes=5)
        device.save()
    device.throttling_failure_timestamp = device.throttling_failure_timestamp + timedelta(minutes=5)
    device.save()
    response = client.post(VERIFY, {"code": right})
    assert "Too many wrong codes. Wait 4 seconds" in field_error(response)
    assert client.get(ADMIN).status_code == 302
    # Only the checked tries are in the audit trail, not those refused unchecked.
    assert audit_actions(editor).count("two-factor code refused") == 3
    # Once the pause has passed, the right code works.
    device.refresh_from_db()
    device.throttling_failure_timestamp -= timedelta(seconds=5)
    device.save()
    assert client.post(VERIFY, {"code": app_code(device)}).status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_a_used_app_code_cannot_be_replayed(editor):
    device = give_app(editor)
    code = app_code(device)
    first = signed_in(editor)
    assert first.post(VERIFY, {"code": code}).status_code == 302
    # Someone who saw the code type it in their own session, within its 30 seconds.
    second = signed_in(editor)
    response = second.post(VERIFY, {"code": code})
    assert "wrong or has already been used" in field_error(response)
    assert second.get(ADMIN).status_code == 302


def test_a_backup_code_works_once(editor):
    give_app(editor)
    code = BACKUP_CODES[1]
    first = signed_in(editor)
    # Typed as people copy them: upper case, with a space.
    assert first.post(VERIFY, {"code": f" {code[:4].upper()} {code[4:]} "}).status_code == 302
    assert first.get(ADMIN).status_code == 200
    assert audit_actions(editor)[-1] == "used a backup code"
    assert AuditEvent.objects.filter(actor=editor).first().detail == "2 backup codes left"

    second = signed_in(editor)
    response = second.post(VERIFY, {"code": code})
    assert "wrong or has already been used" in field_error(response)
    assert second.get(ADMIN).status_code == 302
    # The others still work, once the pause after the wrong try has passed.
    StaticDevice.objects.filter(user=editor).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=2)
    )
    assert second.post(VERIFY, {"code": BACKUP_CODES[0]}).status_code == 302


def test_after_signing_in_the_address_to_go_to_must_be_on_this_site(editor):
    device = give_app(editor)
    client = signed_in(editor)
    response = client.post(VERIFY, {"code": app_code(device), "next": "https://elsewhere.example/"})
    assert response["Location"] == ADMIN


def test_confirming_a_set_up_that_already_ended_is_refused_with_a_reason(editor, rf):
    from django.contrib.sessions.backends.db import SessionStore

    from staff import two_factor

    device = give_app(editor)  # finished meanwhile by a second click
    request = rf.post(ENROL)
    request.user, request.session = editor, SessionStore()
    with pytest.raises(two_factor.CodeRefused, match="already ended"):
        two_factor.enrol(request, device, app_code(device))


def test_the_desk_counts_backup_codes_and_a_new_set_replaces_the_old(editor):
    client = verified(editor)
    desk = parse(client.get(ADMIN).content).select_one(".filmsite-previous-sign-in").get_text()
    assert "Backup codes left: 3." in desk
    page = reverse("staff_two_factor:backup_codes")
    assert "3 unused backup codes" in client.get(page).content.decode()
    response = client.post(page)
    new = [c.get_text() for c in parse(response.content).select(".filmsite-two-factor__codes code")]
    assert len(new) == 10 and not set(new) & set(BACKUP_CODES)
    assert audit_actions(editor)[-1] == "made new backup codes"
    # An old code no longer signs in; a new one does.
    other = signed_in(editor)
    assert "wrong or has already been used" in field_error(
        other.post(VERIFY, {"code": BACKUP_CODES[2]})
    )
    StaticDevice.objects.filter(user=editor).update(
        throttling_failure_timestamp=timezone.now() - timedelta(seconds=2)
    )
    assert other.post(VERIFY, {"code": new[0]}).status_code == 302


def test_new_backup_codes_need_a_session_confirmed_with_a_code(editor):
    give_app(editor)
    client = signed_in(editor)
    response = client.post(reverse("staff_two_factor:backup_codes"))
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert sorted(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    ) == sorted(BACKUP_CODES)


def test_a_session_signed_in_with_a_backup_code_keeps_going_after_making_new_codes(editor):
    give_app(editor)
    client = signed_in(editor)
    assert client.post(VERIFY, {"code": BACKUP_CODES[0]}).status_code == 302
    client.post(reverse("staff_two_factor:backup_codes"))
    assert client.get(ADMIN).status_code == 200
