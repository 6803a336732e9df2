"""Production settings: `check --deploy` is clean; every response has the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, EditorFactory, publish

ROOT = Path(__file__).resolve().parents[2]


def production_example() -> dict[str, str]:
    """The variables .env.example sets, as a process manager would pass them."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def test_check_deploy_is_clean_with_the_production_example(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}},
        **production_example(),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATA_DIR": str(tmp_path),
        # The project's settings, as production runs them, not the suite's own.
        "DJANGO_SETTINGS_MODULE": "filmsite.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    return settings


def https_client():
    return Client(HTTP_X_FORWARDED_PROTO="https", raise_request_exception=False)


def public_and_staff_urls(article):
    return [
        "/",
        reverse("articles:article", kwargs={"slug": article.slug}),
        reverse("articles:article_list"),
        "/feeds/articles.rss",
        "/feeds/articles.atom",
        "/sitemap.xml",
        "/robots.txt",
        "/favicon.ico",
        "/static/css/base.css",
        "/static/admin/css/base.css",
        "/no-such-page/",
        "/articles/no-such-article/",
        reverse("corrections:suggest", kwargs={"slug": article.slug}),
        "/admin/",
        "/admin/login/",
        "/health/",
    ]


@pytest.mark.django_db
def test_every_response_carries_the_security_headers(production):
    article = publish_article()
    client = https_client()
    for url in public_and_staff_urls(article):
        response = client.get(url)
        assert response.status_code < 500, url
        headers = response.headers
        assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains", url
        assert headers["X-Frame-Options"] == "DENY", url
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert "camera=()" in headers["Permissions-Policy"], url
        if headers["Content-Type"].startswith("text/html"):
            policy = headers["Content-Security-Policy"]
            assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy, url


def publish_article():
    from tests.factories import ArticleFactory

    article = ArticleFactory()
    publish(article)
    return article


@pytest.mark.django_db
def test_plain_http_is_sent_to_https_but_the_health_probe_is_not(production):
    client = Client()
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/health/").status_code == 200


@pytest.mark.django_db
def test_staff_cookies_are_secure_and_the_session_cookie_is_http_only(production):
    EditorFactory(username="cookie-editor")
    client = https_client()
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": "cookie-editor", "password": PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    assert not session["expires"]  # ends with the browser; the server ends it after hours
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and not csrf["httponly"]  # read by no script, and no secret: README
