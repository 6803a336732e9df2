"""The shared page cache: what it serves, to whom, with which headers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pagecache.conftest import public_urls

pytestmark = pytest.mark.django_db


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    assert response.status_code == 200, url
    return len(captured), response


@pytest.mark.parametrize(
    "name",
    [
        "article",
        "home",
        "article list",
        "film",
        "author",
        "feed",
        "film feed",
        "sitemap",
        "sitemap page",
        "robots.txt",
    ],
)
def test_a_cached_page_is_served_without_a_query(client, site, name):
    url = public_urls(site)[name]
    _, first = queries(client, url)
    count, again = queries(client, url)
    assert count == 0
    assert again.content == first.content


def test_a_hit_never_touches_the_session(client, site):
    url = public_urls(site)["article"]
    client.get(url)
    response = client.get(url)
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_public_pages_carry_cache_headers_a_cdn_can_honour(client, site, settings):
    response = client.get(public_urls(site)["article"])
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "public" in directives
    assert f"max-age={settings.PUBLIC_CACHE_SECONDS}" in directives
    assert f"stale-while-revalidate={settings.PUBLIC_CACHE_STALE_SECONDS}" in directives
    assert response["ETag"] and response["Last-Modified"]


@pytest.mark.parametrize("cached", [False, True], ids=["miss", "hit"])
def test_a_reader_with_the_page_gets_304(client, site, cached):
    url = public_urls(site)["article"]
    first = client.get(url)
    if not cached:
        from django.core.cache import cache

        cache.clear()
    response = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 304
    assert response.content == b""


def test_public_pages_have_a_strict_csp_without_a_nonce(client, site):
    url = public_urls(site)["article"]
    for response in (client.get(url), client.get(url)):  # a miss, then a hit
        policy = response["Content-Security-Policy"]
        assert "nonce-" not in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert b"nonce=" not in response.content
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_staff_never_read_from_the_public_cache_nor_write_to_it(client, site, moderator):
    url = public_urls(site)["article"]
    reader_copy = client.get(url).content
    client.force_login(moderator)
    with CaptureQueriesContext(connection) as staff_queries:
        staff = client.get(url)
    assert len(staff_queries) > 0  # rendered for them, not taken from the cache
    assert staff["Cache-Control"] == "private, no-store"
    assert staff.content == reader_copy
    client.logout()
    from django.core.cache import cache

    cache.clear()
    client.force_login(moderator)
    client.get(url)  # a staff visit to a cold page …
    client.logout()
    client.cookies.clear()
    count, _ = queries(client, url)
    assert count > 0  # … stored nothing readers are then served


def test_forms_and_previews_are_private(client, site, moderator):
    article = site["article"]
    form = client.get(reverse("corrections:suggest", kwargs={"slug": article.slug}))
    assert "public" not in form.get("Cache-Control", "")
    client.force_login(moderator)
    preview = client.get(reverse("admin:articles_article_preview", args=[article.pk]))
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]


def test_tracking_parameters_share_the_page_and_others_bypass_it(client, site):
    url = public_urls(site)["article"]
    client.get(url)
    count, _ = queries(client, url + "?utm_source=newsletter&fbclid=x")
    assert count == 0
    count, _ = queries(client, url + "?anything=else")
    assert count > 0


def test_a_bad_host_is_refused_even_for_a_cached_page(client, site):
    url = public_urls(site)["article"]
    client.get(url)
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400
