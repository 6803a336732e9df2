"""The Redis cache, forgiving: when Redis does not answer, the site carries on without it.

Everything the site keeps in the cache (pages, the page cache's clock, search
results, the site settings' version) can be rebuilt from the database, so a
Redis that is down, restarting or unreachable must make pages slower, never
make them fail. Django's RedisCache raises on a lost connection, which turned
every page into a 500 while Redis was away. This backend treats a failed read
as a miss and a failed write as not stored, logs it (once per outage, then
once a minute, so a long outage does not flood the log) and lets the request
go on to the database.

Callers that must know whether a write arrived ask ``set_many``: it returns
the keys it could not store, as Django documents for backends that can tell
(the page cache's clock retries a touch that did not arrive, see
pagecache/clock.py). The health endpoint still reports the cache as failed:
its probe reads back what it wrote.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Replace KEYS[1] with ARGV[2] only if it still holds ARGV[1] ("" for absent).
_COMPARE_AND_SET = """
local current = redis.call('GET', KEYS[1]) or ''
if current == ARGV[1] then
    redis.call('SET', KEYS[1], ARGV[2])
    return 1
end
return 0
"""

# Seconds between two log lines about the same outage.
LOG_EVERY = 60


class ReusingRedisCacheClient(RedisCacheClient):
    """One redis-py client per connection pool, instead of a new one per command.

    Django builds a fresh ``redis.Redis`` for every cache call, and redis-py's
    constructor fills a table of about 170 response handlers each time: a
    profile of a page-cache hit with Redis spent about 0.45 ms per command
    there, roughly a quarter of the hit. A client is a thin, thread-safe
    wrapper around its pool, so one per pool is enough.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ForgivingRedisCache(RedisCache):
    _last_logged = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ForgivingRedisCache._last_logged >= LOG_EVERY:
            ForgivingRedisCache._last_logged = now
            logger.warning(
                "The cache did not answer (%s: %s); serving from the database until it does.",
                operation,
                error,
            )

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except RedisError as error:
            self._failed("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            self._failed("get_many", error)
            return {}

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except RedisError as error:
            self._failed("has_key", error)
            return False

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except RedisError as error:
            self._failed("add", error)
            return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except RedisError as error:
            self._failed("set", error)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except RedisError as error:
            self._failed("set_many", error)
            return list(data)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except RedisError as error:
            self._failed("touch", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            # As for a missing key: callers already handle ValueError.
            self._failed("incr", error)
            raise ValueError(f"The cache did not answer for {key!r}.") from error

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except RedisError as error:
            self._failed("delete", error)
            return False

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except RedisError as error:
            self._failed("delete_many", error)

    def compare_and_set(self, key, expected, value, version=None) -> bool | None:
        """Store ``value`` (with no expiry) only if ``key`` still holds ``expected``.

        ``expected`` is what ``get`` returned (None: the key was absent).
        True when stored, False when another client changed the key first,
        None when Redis did not answer.
        """
        key = self.make_and_validate_key(key, version=version)
        serializer = self._cache._serializer
        old = b"" if expected is None else serializer.dumps(expected)
        try:
            client = self._cache.get_client(key, write=True)
            return bool(client.eval(_COMPARE_AND_SET, 1, key, old, serializer.dumps(value)))
        except RedisError as error:
            self._failed("compare_and_set", error)
            return None

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            self._failed("clear", error)
            return False
