"""The gate: unverified staff sessions reach nothing but the two-factor pages.

Also: the setting that turns it off, and a superuser's reset of someone's app.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.models import AuditEvent
from tests.factories import EditorFactory, ModeratorFactory, SuperuserFactory
from tests.staff.two_factor_helpers import ENROL, VERIFY, give_app, signed_in, verified

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")


def every_admin_page():
    """The desk, each model's list and add page, and the admin's own pages."""
    urls = [ADMIN, reverse("admin:password_change"), reverse("admin:jsi18n")]
    for model in admin.site._registry:
        meta = model._meta
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
    return urls


@pytest.fixture
def required(settings):
    settings.REQUIRE_STAFF_2FA = True


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("has_app, step", [(False, ENROL), (True, VERIFY)])
def test_every_admin_page_waits_for_the_second_step(has_app, step):
    user = SuperuserFactory()  # sees every page once verified
    if has_app:
        give_app(user)
    client = signed_in(user)
    for url in every_admin_page():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(step + "?next="), url
    # Writes too: a change posted to the admin, the Markdown preview, an upload.
    for url in [reverse("admin:auth_user_add"), "/markdownx/markdownify/", "/markdownx/upload/"]:
        response = client.post(url, {"content": "text"})
        assert response.status_code == 302 and response["Location"] == step, url
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.PERMISSIONS).exists()


@pytest.mark.usefixtures("required")
def test_once_verified_the_admin_opens(settings):
    user = ModeratorFactory()
    client = verified(user)
    assert client.get(ADMIN).status_code == 200
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


@pytest.mark.usefixtures("required")
def test_an_unverified_session_can_still_log_out():
    client = signed_in(EditorFactory())
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert client.get(ADMIN)["Location"].startswith(reverse("admin:login"))


@pytest.mark.usefixtures("required")
def test_anonymous_visitors_get_the_password_page_as_before():
    from django.test import Client

    response = Client().get(ADMIN)
    assert response["Location"].startswith(reverse("admin:login"))


def test_with_the_setting_off_the_password_alone_opens_the_admin(settings):
    settings.REQUIRE_STAFF_2FA = False
    client = signed_in(EditorFactory())
    assert client.get(ADMIN).status_code == 200
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 200


# --- Reset by a superuser ----------------------------------------------------------


def reset(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [u.pk for u in users]},
        follow=True,
    )


@pytest.mark.usefixtures("required")
def test_a_superuser_resets_an_editors_app_and_it_is_recorded():
    superuser, editor = SuperuserFactory(), EditorFactory(username="lost-phone")
    give_app(editor)
    editor_session = verified(editor)
    response = reset(verified(superuser), editor)
    assert "Two-factor sign-in reset for lost-phone" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    event = AuditEvent.objects.get(action="reset two-factor sign-in")
    assert (event.actor, event.target) == (superuser, "user “lost-phone”")
    # The editor's open session has lost its app: set up a new one first.
    assert editor_session.get(ADMIN)["Location"].startswith(ENROL)


@pytest.mark.usefixtures("required")
def test_a_superuser_cannot_reset_their_own_app():
    superuser = SuperuserFactory()
    client = verified(superuser)
    response = reset(client, superuser)
    assert "cannot reset your own" in response.content.decode()
    assert TOTPDevice.objects.filter(user=superuser).exists()
    assert not AuditEvent.objects.filter(action="reset two-factor sign-in").exists()


@pytest.mark.usefixtures("required")
def test_only_superusers_are_offered_the_reset():
    from django.contrib.auth.models import Permission

    manager = EditorFactory()
    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    victim = EditorFactory()
    give_app(victim)
    client = verified(manager)
    page = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "reset_two_factor" not in page
    reset(client, victim)
    assert TOTPDevice.objects.filter(user=victim).exists()


def test_the_device_pages_of_the_library_are_not_in_the_admin():
    assert TOTPDevice not in admin.site._registry
    assert StaticDevice not in admin.site._registry


def test_check_deploy_warns_when_production_staff_sign_in_with_a_password_alone(settings):
    from staff.checks import two_factor_required

    settings.REQUIRE_STAFF_2FA = False
    assert [w.id for w in two_factor_required(None)] == ["staff.W001"]
    settings.REQUIRE_STAFF_2FA = True
    assert two_factor_required(None) == []


@pytest.mark.usefixtures("required")
def test_a_sole_superuser_who_lost_their_phone_recovers_from_the_server_shell():
    from io import StringIO

    from django.core.management import call_command

    superuser = SuperuserFactory(username="only-admin")
    give_app(superuser)
    printed = StringIO()
    call_command("addstatictoken", "only-admin", stdout=printed)
    client = signed_in(superuser)
    assert client.post(VERIFY, {"code": printed.getvalue().strip()}).status_code == 302
    assert client.get(ADMIN).status_code == 200
