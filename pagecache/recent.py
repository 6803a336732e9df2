"""A worker's own copies of the pages it served lately, in front of a shared cache.

With Redis, a hit used to fetch the page (tens of kilobytes, unpickled on
every request) and then ask the clock whether it was still fresh: two round
trips, where the freshness check alone is one small read. So each worker
keeps the pages it served lately and, on a hit, asks Redis only for the
clock's versions of the page's tags.

A copy is served under the very rule a shared page is — none of its tags
touched since it was built — so it is never staler than the shared page, on
any worker. Memory is bounded in bytes; the least recently served page goes
first. With the local-memory cache the pages are in the process already, and
this layer is not used.
"""

import threading
from collections import OrderedDict


class RecentPages:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            entry = self._pages.get(key)
            if entry is not None:
                self._pages.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[0])
        if size > self.max_bytes:
            return
        with self._lock:
            self._forget(key)
            self._pages[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._forget(next(iter(self._pages)))

    def discard(self, key: str) -> None:
        with self._lock:
            self._forget(key)

    def _forget(self, key: str) -> None:
        entry = self._pages.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry[0])

    def __len__(self) -> int:
        return len(self._pages)
