"""Redis away: readers still get every page (from the database), and a publish is not lost.

REDIS_URL points at a port nobody listens on, as when Redis is stopped or
restarting. Before filmsite/cache.py, the first cache read raised and every
public page answered 500.
"""

import logging
import socket

import pytest
from django.core.cache import caches
from django.urls import reverse

from filmsite.settings import redis_cache
from tests.factories import publish
from tests.pagecache.conftest import public_urls

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the socket closes


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/3")}
    yield
    caches["default"].close()


def test_every_public_page_is_served_while_redis_is_down(client, site, redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="filmsite.cache")
    for name, url in public_urls(site).items():
        first, again = client.get(url), client.get(url)
        assert first.status_code == 200, name
        assert again.status_code == 200, name
        assert again.content == first.content, name
    assert "The cache did not answer" in caplog.text


def test_a_publish_while_redis_is_down_reaches_readers(client, site, redis_down, moderator):
    article = site["article"]
    url = public_urls(site)["article"]
    assert client.get(url).status_code == 200
    article.standfirst = "Rewritten while the cache was away."
    article.save()
    publish(article, user=moderator)
    response = client.get(url)
    assert response.status_code == 200
    assert "Rewritten while the cache was away." in response.content.decode()


def test_the_health_check_names_the_cache(client, redis_down):
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed"}
