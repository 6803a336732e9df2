"""The invalidation clock: one version per cache tag, shared by every worker.

A cached page remembers the tags it was built from (``site``, ``listings``,
``article:12``, ``film:3`` …) and is served only while none of them has been
touched since. Touching a tag is how a publish or an edit makes every page
that shows it fresh at once, on every worker and instance.

Versions are nanosecond timestamps, so a newer touch always gives a larger
number and a page's *stamp* (the largest version among its tags) moves
whenever any of them is touched. A store that loses its data (a restart, an
evicted key) comes back with the current time, never with an old version, so
nothing built before can match it again.

Two stores, chosen from the cache configuration:

- ``CacheClock``: the versions live in the shared cache (Redis with
  REDIS_URL), for several instances;
- ``FileClock``: with the per-process local-memory cache (one machine), the
  versions live in a small memory-mapped file in DATA_DIR that every worker
  maps, so reading them costs no system call and no query.

The clock also holds the time of the next known scheduled go-live (see
``articles.middleware``), so a request can tell without a query whether a
scheduled revision is due. Workers on every instance write it, each from
what it read in the database, so a slow worker could overwrite a newer
moment with one it computed before a schedule was committed: the go-live
then waited for the next request after the older moment, which on a quiet
site could be never. ``update_next_go_live`` is therefore a compare-and-set:
a writer that finds the value changed since it began reads the database
again.

A touch that does not reach the shared cache (Redis restarting, a network
blip) is retried, and if it still fails it is owed: this process applies it
before its next use of the clock, so a publish made during the blip still
refreshes its pages once Redis answers again.
"""

import fcntl
import logging
import mmap
import os
import struct
import threading
import time
import uuid
import zlib
from functools import cache as memoize
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# next_go_live: seconds since the epoch; UNKNOWN means "ask the database".
UNKNOWN = 0.0
NONE_SCHEDULED = float("inf")

# How often a writer of the next go-live recomputes it after losing a race,
# and how often a touch is tried before it is owed.
UPDATE_ATTEMPTS = 5
TOUCH_ATTEMPTS = 3
TOUCH_RETRY_PAUSE = 0.05  # seconds, doubled on each try


class FileClock:
    SLOTS = 1 << 14  # tags share slots by hash: a collision only refreshes more pages
    _VERSION = struct.Struct("<q")
    _NEXT = struct.Struct("<d")
    _GENERATION = struct.Struct("<q")  # at offset 16: counts writes of the next go-live
    _HEADER = 64  # magic, next go-live, its generation, room to spare

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        size = self._HEADER + self.SLOTS * self._VERSION.size
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            with _locked(fd):
                if os.fstat(fd).st_size != size:
                    # A new clock starts at the current time, so that no page
                    # stamped by an earlier clock can match it.
                    now = time.time_ns()
                    os.ftruncate(fd, size)
                    self._map = mmap.mmap(fd, size)
                    for slot in range(self.SLOTS):
                        self._VERSION.pack_into(self._map, self._offset(slot), now)
                    self._NEXT.pack_into(self._map, 8, UNKNOWN)
                    self._map[:8] = b"fsclock1"
                else:
                    self._map = mmap.mmap(fd, size)
        finally:
            self._fd = fd

    def _offset(self, slot: int) -> int:
        return self._HEADER + slot * self._VERSION.size

    def _slot(self, tag: str) -> int:
        return zlib.crc32(tag.encode()) % self.SLOTS

    def stamp(self, tags) -> int:
        unpack, m = self._VERSION.unpack_from, self._map
        return max(unpack(m, self._offset(self._slot(tag)))[0] for tag in tags)

    def touch(self, tags) -> None:
        now = time.time_ns()
        with _locked(self._fd):
            for tag in set(tags):
                offset = self._offset(self._slot(tag))
                (old,) = self._VERSION.unpack_from(self._map, offset)
                self._VERSION.pack_into(self._map, offset, max(now, old + 1))

    def next_go_live(self) -> float:
        return self._NEXT.unpack_from(self._map, 8)[0]

    def set_next_go_live(self, moment: float) -> None:
        with _locked(self._fd):
            self._write_next(moment)

    def update_next_go_live(self, compute, *, only_earlier=False) -> float:
        """Set the next go-live to ``compute()``, unless another worker wrote it meanwhile.

        ``only_earlier``: write it only if it is earlier than the value held
        (see ``CacheClock.update_next_go_live``).
        """
        for _ in range(UPDATE_ATTEMPTS):
            (seen,) = self._GENERATION.unpack_from(self._map, 16)
            current = self.next_go_live()
            moment = compute()
            if only_earlier and moment >= current:
                return current
            with _locked(self._fd):
                if self._GENERATION.unpack_from(self._map, 16)[0] == seen:
                    self._write_next(moment)
                    return moment
        self.set_next_go_live(UNKNOWN)  # the next request asks the database
        return UNKNOWN

    def _write_next(self, moment: float) -> None:
        (generation,) = self._GENERATION.unpack_from(self._map, 16)
        self._NEXT.pack_into(self._map, 8, moment)
        self._GENERATION.pack_into(self._map, 16, generation + 1)


# Touches that did not reach the shared cache, applied at this process's next
# use of the clock (keys, not tags).
_owed: set[str] = set()
_owed_lock = threading.Lock()


class CacheClock:
    PREFIX = "clock:"
    NEXT_KEY = "clock-next-go-live"

    def __init__(self, store):
        self.store = store

    def stamp(self, tags) -> int:
        if _owed:
            self._pay_owed()
        keys = [self.PREFIX + tag for tag in tags]
        found = self.store.get_many(keys)
        missing = [key for key in keys if key not in found]
        if missing:
            now = time.time_ns()
            for key in missing:
                # add(): two workers starting a tag agree on one version.
                self.store.add(key, now, None)
            found.update(self.store.get_many(missing))
        return max(found.get(key, time.time_ns()) for key in keys)

    def touch(self, tags) -> None:
        with _owed_lock:
            keys = {self.PREFIX + tag for tag in tags} | _owed
            _owed.clear()
        pause = TOUCH_RETRY_PAUSE
        for attempt in range(TOUCH_ATTEMPTS):
            now = time.time_ns()
            # set_many returns the keys it could not store (filmsite/cache.py).
            keys = set(self.store.set_many(dict.fromkeys(keys, now), None) or ())
            if not keys:
                return
            if attempt + 1 < TOUCH_ATTEMPTS:
                time.sleep(pause)
                pause *= 2
        with _owed_lock:
            _owed.update(keys)
        logger.error(
            "The page cache's clock could not record a change to %s; "
            "it is retried on this process's next request.",
            ", ".join(sorted(key.removeprefix(self.PREFIX) for key in keys)),
        )

    def _pay_owed(self) -> None:
        with _owed_lock:
            keys = set(_owed)
            _owed.clear()
        failed = self.store.set_many(dict.fromkeys(keys, time.time_ns()), None) or ()
        if failed:
            with _owed_lock:
                _owed.update(failed)

    def next_go_live(self) -> float:
        return self._moment(self.store.get(self.NEXT_KEY))

    def set_next_go_live(self, moment: float) -> None:
        self.store.set(self.NEXT_KEY, (moment, uuid.uuid4().hex), None)

    def update_next_go_live(self, compute, *, only_earlier=False) -> float:
        """Set the next go-live to ``compute()``, unless another worker wrote it meanwhile.

        Each write carries a token of its own, so "unchanged" means nobody
        wrote, not merely that the same moment was written again.

        ``only_earlier``: write it only if it is earlier than the value held.
        Inside a transaction other workers still read the old rows, so the
        moment may move earlier at once (a new schedule) but later only after
        the commit: a request arriving meanwhile must still find the
        go-live due, wait for the promoting transaction and see its result,
        not skip the promotion and be served the revision it replaces.
        """
        for _ in range(UPDATE_ATTEMPTS):
            seen = self.store.get(self.NEXT_KEY)
            moment = compute()
            if only_earlier and moment >= self._moment(seen):
                return self._moment(seen)
            stored = self._compare_and_set(seen, (moment, uuid.uuid4().hex))
            if stored is None:  # the cache is away: requests ask the database meanwhile
                return UNKNOWN
            if stored:
                return moment
        self.set_next_go_live(UNKNOWN)  # the next request asks the database
        return UNKNOWN

    def _compare_and_set(self, expected, value) -> bool | None:
        atomic = getattr(self.store, "compare_and_set", None)
        if atomic is not None:
            return atomic(self.NEXT_KEY, expected, value)
        # A per-process store (local memory, in tests): a lock is enough.
        with _owed_lock:
            if self.store.get(self.NEXT_KEY) != expected:
                return False
            self.store.set(self.NEXT_KEY, value, None)
            return True

    @staticmethod
    def _moment(value) -> float:
        if value is None:
            return UNKNOWN
        return value[0] if isinstance(value, tuple) else value


def is_per_process(store) -> bool:
    """True for a cache each process holds on its own (local memory), False for a shared one."""
    return isinstance(store, LocMemCache)


def get_clock():
    """The clock for the configured cache (see the module docstring)."""
    from django.core.cache import caches

    backend = caches["default"]
    if is_per_process(backend):
        return _file_clock(str(settings.PAGE_CACHE_CLOCK_FILE))
    return CacheClock(backend)


@memoize
def _file_clock(path: str) -> FileClock:
    return FileClock(Path(path))


class _locked:
    def __init__(self, fd):
        self.fd = fd

    def __enter__(self):
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc):
        fcntl.flock(self.fd, fcntl.LOCK_UN)
