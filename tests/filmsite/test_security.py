"""Site-wide protections readers and staff rely on."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.urls import reverse

from filmsite.auth import DEMO_GROUP
from tests.factories import PASSWORD, ModeratorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_moderator():
    user = ModeratorFactory(username="demo-moderator")
    user.groups.add(Group.objects.get_or_create(name=DEMO_GROUP)[0])
    return user


class TestDemoAccounts:
    def test_demo_account_cannot_log_in_when_debug_is_off(self, settings, demo_moderator):
        settings.DEBUG = False
        assert authenticate(username="demo-moderator", password=PASSWORD) is None

    def test_demo_account_can_log_in_when_debug_is_on(self, settings, demo_moderator):
        settings.DEBUG = True
        assert authenticate(username="demo-moderator", password=PASSWORD) == demo_moderator

    def test_demo_account_cannot_use_the_admin_login_form_when_debug_is_off(
        self, client, settings, demo_moderator
    ):
        settings.DEBUG = False
        response = client.post(
            reverse("admin:login"),
            {"username": "demo-moderator", "password": PASSWORD, "next": "/admin/"},
        )
        assert response.status_code == 200  # the form again, with an error
        assert client.get(reverse("admin:index")).status_code == 302

    def test_existing_demo_session_ends_when_debug_is_turned_off(
        self, client, settings, demo_moderator
    ):
        settings.DEBUG = True
        client.login(username="demo-moderator", password=PASSWORD)
        assert client.get(reverse("admin:index")).status_code == 200
        settings.DEBUG = False
        response = client.get(reverse("admin:index"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))

    def test_ordinary_staff_can_log_in_when_debug_is_off(self, settings):
        settings.DEBUG = False
        user = ModeratorFactory(username="real-moderator")
        assert authenticate(username="real-moderator", password=PASSWORD) == user


class TestHeaders:
    @pytest.fixture
    def page(self, client, published_article):
        url = reverse("articles:article", kwargs={"slug": published_article.slug})
        response = client.get(url)
        assert response.status_code == 200
        return response

    def test_content_security_policy(self, page):
        policy = page["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "object-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "'unsafe-inline'" not in policy

    def test_no_sniffing_no_framing(self, page):
        assert page["X-Content-Type-Options"] == "nosniff"
        assert page["X-Frame-Options"] == "DENY"
        assert page["Referrer-Policy"] == "strict-origin-when-cross-origin"


class TestCaching:
    @pytest.mark.parametrize("kind", ["home", "article_list", "article", "film", "author"])
    def test_public_pages_may_be_cached_publicly(self, client, settings, published_article, kind):
        kwargs = {
            "home": {},
            "article_list": {},
            "article": {"slug": published_article.slug},
            "film": {"slug": published_article.film.slug},
            "author": {"slug": published_article.author.slug},
        }[kind]
        response = client.get(reverse(f"articles:{kind}", kwargs=kwargs))
        assert response.status_code == 200
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert "public" in directives
        assert f"max-age={settings.PUBLIC_CACHE_SECONDS}" in directives

    def test_not_found_page_is_not_cached_publicly(self, client, db):
        response = client.get(reverse("articles:article", kwargs={"slug": "nothing-here"}))
        assert response.status_code == 404
        assert "public" not in response.get("Cache-Control", "")

    def test_admin_pages_are_never_cached_publicly(self, client, moderator):
        client.force_login(moderator)
        response = client.get(reverse("admin:index"))
        assert response.status_code == 200
        assert "public" not in response.get("Cache-Control", "")
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_favicon_request_finds_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_an_empty_database_url_means_the_default_sqlite_file(tmp_path):
    """.env.example lists DATABASE_URL= empty; copying it must not break start-up."""
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "", "DEBUG": "1", "DATA_DIR": str(tmp_path)}
    code = "import filmsite.settings as s; print(s.DATABASES['default']['ENGINE'])"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() == "django.db.backends.sqlite3", result.stderr


def _run_python(code, tmp_path, **env):
    import subprocess
    import sys

    base = {"PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": ""}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off(tmp_path):
    result = _run_python(
        "import filmsite.wsgi", tmp_path, DJANGO_SETTINGS_MODULE="filmsite.settings"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_the_site_starts_with_a_secret_key(tmp_path):
    result = _run_python(
        "import filmsite.wsgi", tmp_path, DJANGO_SETTINGS_MODULE="filmsite.settings", SECRET_KEY="k"
    )
    assert result.returncode == 0, result.stderr


def test_management_commands_that_sign_nothing_need_no_secret_key(tmp_path):
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='filmsite.settings';"
        "django.setup(); from django.core.management import call_command;"
        "call_command('makemigrations', check=True, dry_run=True, verbosity=0)"
    )
    result = _run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
