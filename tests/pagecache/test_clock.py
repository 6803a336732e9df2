"""The invalidation clock: every worker and instance sees a touch at once."""

import time

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

from pagecache.clock import UNKNOWN, CacheClock, FileClock


def test_two_workers_mapping_one_file_see_each_others_touches(tmp_path):
    path = tmp_path / "clock"
    first, second = FileClock(path), FileClock(path)  # as two gunicorn workers do
    before = second.stamp(["article:1", "site"])
    first.touch(["article:1"])
    assert second.stamp(["article:1", "site"]) > before
    # A page built from other tags is untouched.
    assert second.stamp(["article:2"]) < second.stamp(["article:1"])


def test_a_new_clock_never_matches_a_stamp_from_an_earlier_one(tmp_path):
    old = FileClock(tmp_path / "old").stamp(["site"])
    time.sleep(0.001)
    assert FileClock(tmp_path / "new").stamp(["site"]) > old


def test_next_go_live_is_shared(tmp_path):
    first, second = FileClock(tmp_path / "clock"), FileClock(tmp_path / "clock")
    assert second.next_go_live() == UNKNOWN
    first.set_next_go_live(1234.5)
    assert second.next_go_live() == 1234.5


def cache_clients():
    """Two clients of one shared store, as two instances would hold."""
    yield "locmem", lambda: LocMemCache("clock-test", {})
    yield "redis", lambda: RedisCache("redis://127.0.0.1:6379/1", {"KEY_PREFIX": "clock-test"})


@pytest.mark.parametrize(("name", "make"), list(cache_clients()), ids=["locmem", "redis"])
def test_two_cache_clients_see_each_others_touches(name, make):
    first, second = make(), make()
    if name == "redis":
        try:
            first.get("probe")
        except Exception as error:
            pytest.skip(f"no Redis at 127.0.0.1:6379 ({error})")
    first.clear()
    a, b = CacheClock(first), CacheClock(second)
    stamp = b.stamp(["film:7"])
    assert a.stamp(["film:7"]) == stamp  # both agree on a version never seen before
    a.touch(["film:7"])
    assert b.stamp(["film:7"]) > stamp
    a.set_next_go_live(99.0)
    assert b.next_go_live() == 99.0
    first.clear()


def test_a_lost_version_comes_back_newer_than_any_stamp_made_before():
    store = LocMemCache("clock-loss", {})
    clock = CacheClock(store)
    stamp = clock.stamp(["author:3"])
    store.clear()  # an evicted key, a restarted Redis
    time.sleep(0.001)
    assert clock.stamp(["author:3"]) > stamp
