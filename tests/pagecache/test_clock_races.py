"""The clock under faults and races: no publish and no scheduled go-live is lost.

Two clients of one store stand for two instances. A touch that does not
reach the store (Redis restarting) must still refresh the pages once it is
back; a worker that read the database before another's schedule was
committed must not overwrite the newer go-live with its older one (a
scheduled go-live was stale on the other instance in 2 of 10 load runs).
"""

import pytest
from django.core.cache.backends.locmem import LocMemCache

from filmsite.cache import ForgivingRedisCache
from pagecache import clock as clock_module
from pagecache.clock import NONE_SCHEDULED, CacheClock, FileClock

REDIS_TEST_URL = "redis://127.0.0.1:6379/3"  # this branch's Redis database


class BlinkingStore(LocMemCache):
    """A shared store that refuses the next ``down`` writes, keeping its data (a Redis blip)."""

    def __init__(self, name):
        super().__init__(name, {})
        self.down = 0

    def set_many(self, data, timeout=None, version=None):
        if self.down:
            self.down -= 1
            return list(data)
        return super().set_many(data, timeout, version)


@pytest.fixture(autouse=True)
def _no_debt(monkeypatch):
    monkeypatch.setattr(clock_module, "TOUCH_RETRY_PAUSE", 0)
    clock_module._owed.clear()
    yield
    clock_module._owed.clear()


def test_a_touch_during_a_short_blip_is_retried():
    store = BlinkingStore("blip")
    store.clear()
    clock, other = CacheClock(store), CacheClock(BlinkingStore("blip"))
    page = other.stamp(["article:5"])
    store.down = 1  # the first write is refused, the retry arrives
    clock.touch(["article:5"])
    assert other.stamp(["article:5"]) > page


def test_a_touch_during_a_longer_outage_is_applied_when_the_store_is_back(caplog):
    store = BlinkingStore("outage")
    store.clear()
    clock, other = CacheClock(store), CacheClock(BlinkingStore("outage"))
    page = other.stamp(["article:6"])
    store.down = clock_module.TOUCH_ATTEMPTS  # every try of this touch fails
    clock.touch(["article:6"])
    assert "could not record a change to article:6" in caplog.text
    # Back, with its old data: this process's next use of the clock pays the debt.
    clock.stamp(["site"])
    assert other.stamp(["article:6"]) > page


def shared_clients():
    yield "locmem", lambda: LocMemCache("next-go-live", {})
    yield "redis", lambda: ForgivingRedisCache(REDIS_TEST_URL, {"KEY_PREFIX": "i14-clock-race"})


@pytest.mark.parametrize(("name", "make"), list(shared_clients()), ids=["locmem", "redis"])
def test_an_older_next_go_live_never_overwrites_a_newer_one(name, make):
    first, second = make(), make()
    if name == "redis" and first.set_many({"probe": 1}):
        pytest.skip("no Redis at 127.0.0.1:6379")
    first.delete(CacheClock.NEXT_KEY)
    promoting, scheduling = CacheClock(first), CacheClock(second)
    database = {"next": NONE_SCHEDULED}
    promoting.set_next_go_live(NONE_SCHEDULED)
    calls = []

    def read_before_the_schedule_commits():
        calls.append(1)
        seen = database["next"]
        if len(calls) == 1:
            # Meanwhile the other instance commits a schedule and announces it.
            database["next"] = 1_900_000_000.0
            scheduling.update_next_go_live(lambda: database["next"])
        return seen

    promoting.update_next_go_live(read_before_the_schedule_commits)
    assert scheduling.next_go_live() == 1_900_000_000.0
    assert promoting.next_go_live() == 1_900_000_000.0
    assert len(calls) == 2  # the late writer read the database again
    first.delete(CacheClock.NEXT_KEY)


def test_file_clock_workers_race_the_same_way(tmp_path):
    promoting, scheduling = FileClock(tmp_path / "clock"), FileClock(tmp_path / "clock")
    database = {"next": NONE_SCHEDULED}
    promoting.set_next_go_live(NONE_SCHEDULED)

    def read_before_the_schedule_commits():
        seen = database["next"]
        if seen == NONE_SCHEDULED:
            database["next"] = 1_900_000_000.0
            scheduling.update_next_go_live(lambda: database["next"])
        return seen

    promoting.update_next_go_live(read_before_the_schedule_commits)
    assert scheduling.next_go_live() == 1_900_000_000.0
