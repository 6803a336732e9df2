"""Sign-in throttling: guessing stops, and a real editor is never locked out for good."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, EditorFactory, SuperuserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
LIMIT = 5


@pytest.fixture(autouse=True)
def throttling(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


@pytest.fixture
def editor():
    return EditorFactory(username="editor")


def sign_in(username, password, address="203.0.113.10", **extra):
    client = Client(REMOTE_ADDR=address, **extra)
    response = client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})
    return client, response


def signed_in(response):
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(times, username="editor", address="203.0.113.10", **extra):
    for _ in range(times):
        _, response = sign_in(username, "wrong-password", address, **extra)
        assert response.status_code in {200, 429}


def test_thirty_wrong_passwords_end_in_a_lockout_the_right_one_cannot_pass(editor):
    statuses = [sign_in("editor", f"guess-{n}")[1].status_code for n in range(30)]
    assert statuses[: LIMIT - 1] == [200] * (LIMIT - 1)  # the form again, with an error
    assert set(statuses[LIMIT:]) == {429}
    _, response = sign_in("editor", PASSWORD)
    assert response.status_code == 429
    assert not signed_in(response)


def test_the_lockout_says_how_long_to_wait(editor):
    fail(LIMIT)
    _, response = sign_in("editor", PASSWORD)
    assert response.status_code == 429
    assert "try again in 15 minutes" in response.content.decode()
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60


def test_the_lockout_ends_by_itself(editor):
    fail(LIMIT)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert signed_in(sign_in("editor", PASSWORD)[1])


def test_one_address_trying_many_accounts_is_locked_out(editor):
    for n in range(LIMIT):
        sign_in(f"someone-{n}", "wrong-password", address="198.51.100.7")
    _, response = sign_in("editor", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    # Another address is not affected.
    assert signed_in(sign_in("editor", PASSWORD, address="203.0.113.99")[1])


def test_one_account_guessed_from_many_addresses_is_locked_out(editor):
    for n in range(LIMIT):
        fail(1, address=f"192.0.2.{n + 1}")
    _, response = sign_in("editor", PASSWORD, address="192.0.2.200")
    assert response.status_code == 429


def test_guessing_from_elsewhere_never_locks_an_editor_out_of_their_usual_address(editor):
    usual = "203.0.113.50"
    assert signed_in(sign_in("editor", PASSWORD, address=usual)[1])
    for n in range(3 * LIMIT):
        fail(1, address=f"192.0.2.{n + 1}")
    assert signed_in(sign_in("editor", PASSWORD, address=usual)[1])
    # The editor's own typos at that address still count.
    fail(LIMIT, address=usual)
    assert sign_in("editor", PASSWORD, address=usual)[1].status_code == 429


def test_an_administrator_can_unlock_at_once(editor):
    fail(LIMIT)
    admin = Client()
    admin.force_login(SuperuserFactory())
    attempts = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert attempts.status_code == 200 and "editor" in attempts.content.decode()
    response = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert signed_in(sign_in("editor", PASSWORD)[1])


def test_a_spoofed_forwarded_for_header_does_not_dodge_the_limit(editor, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_COUNT = 1
    for n in range(LIMIT):
        # The proxy appends the real address; the client invents the rest.
        fail(1, username=f"someone-{n}", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.7")
    _, response = sign_in(
        "editor", PASSWORD, address="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.7"
    )
    assert response.status_code == 429


def test_failure_records_keep_no_password(editor):
    fail(1)
    attempt = AccessAttempt.objects.get()
    assert "wrong-password" not in attempt.post_data
