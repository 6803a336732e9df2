"""Each worker's copies of the pages it served lately, in front of Redis.

A copy must be exactly as fresh as the shared page: an edit made through
another instance (another client of the same Redis) reaches it at once. And
it must be worth having: a hit asks Redis for the clock, not for the page.
"""

import uuid

import pytest
from django.core.cache.backends.redis import RedisCache
from redis import Redis
from redis.exceptions import RedisError

from films.models import Film
from filmsite.settings import redis_cache
from pagecache.clock import CacheClock
from pagecache.pages import film_tag
from pagecache.recent import RecentPages
from tests.pagecache.conftest import public_urls

REDIS = "redis://127.0.0.1:6379/6"


@pytest.fixture
def shared_redis(settings):
    """The site's cache on Redis under a prefix of this test's own, removed afterwards."""
    try:
        Redis.from_url(REDIS).ping()
    except RedisError as error:
        pytest.skip(f"no Redis at 127.0.0.1:6379 ({error})")
    prefix = f"recent-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {**redis_cache(REDIS), "KEY_PREFIX": prefix}}
    yield prefix
    client = Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def warm(client, url):
    """Ask twice: the first answer after tags are first seen is not kept (see middleware.py)."""
    client.get(url)
    return client.get(url)


def another_instance(prefix) -> CacheClock:
    """The clock as a second instance of the site sees it: its own client of the same Redis."""
    return CacheClock(RedisCache(REDIS, {"KEY_PREFIX": prefix}))


def test_an_edit_through_another_instance_reaches_the_pages_a_worker_kept(
    client, site, shared_redis
):
    url = public_urls(site)["article"]
    film = site["film"]
    assert film.title in warm(client, url).text
    # Changed behind the site's back: nobody touched the clock yet, so the
    # page still served is the kept copy, not a fresh build.
    Film.objects.filter(pk=film.pk).update(title="A Title Nobody Announced")
    assert "A Title Nobody Announced" not in client.get(url).text

    another_instance(shared_redis).touch([film_tag(film.pk)])

    assert "A Title Nobody Announced" in client.get(url).text


def test_a_hit_asks_redis_for_the_clock_not_for_the_page(client, site, shared_redis, monkeypatch):
    url = public_urls(site)["article"]
    first = warm(client, url)
    commands = []
    execute = Redis.execute_command

    def counting(self, *args, **options):
        commands.append(args[0])
        return execute(self, *args, **options)

    monkeypatch.setattr(Redis, "execute_command", counting)
    again = client.get(url)

    assert again.content == first.content
    # The go-live check and the versions of the page's tags; the page itself
    # comes from the worker's copy.
    assert commands == ["GET", "MGET"]


def test_kept_pages_stay_within_their_bytes_least_recently_served_out_first():
    recent = RecentPages(max_bytes=100)
    recent.put("/a", (b"a" * 40,))
    recent.put("/b", (b"b" * 40,))
    recent.get("/a")  # served again: /b is now the oldest
    recent.put("/c", (b"c" * 40,))
    assert recent.get("/b") is None
    assert recent.get("/a") and recent.get("/c")
    recent.put("/huge", (b"h" * 101,))  # larger than the whole budget: never kept
    assert recent.get("/huge") is None
    assert len(recent) == 2
