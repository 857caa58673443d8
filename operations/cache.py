"""A Redis cache that the site outlives: when Redis cannot be reached, every call behaves as a
miss (reads find nothing, writes are dropped) and the page is built from the database.

Django's RedisCache raises on a connection error, which would turn a cache outage into a
site outage. /healthz still reports the outage: it probes ``TolerantRedisCache.strict``.
"""

import logging
import time
from functools import cached_property

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Unreachable, but also refusing writes (out of memory, a full disk, a read-only replica
# after a failover): the site is served uncached rather than failing.
OUTAGE_ERRORS = (RedisError,)
# After a failure, calls skip Redis for this long: a page makes several cache calls and
# each would otherwise wait for the connect timeout.
RETRY_AFTER_SECONDS = 5.0
# When each server location was last found down (time.monotonic()), shared by the threads
# of a process (Django gives each thread its own backend instance).
_down_since = {}


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every call, whose constructor costs
    more than a round trip to Redis on the same machine: one per connection pool instead
    (a ``redis.Redis`` is safe to share, its pool hands out the connections)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._server, self._params = server, params
        self._outage_key = str(server)

    @cached_property
    def strict(self):
        """The same server without the tolerance, for health checks."""
        return RedisCache(self._server, self._params)

    def _call(self, method, on_outage, *args, **kwargs):
        down_since = _down_since.get(self._outage_key)
        if down_since is not None and time.monotonic() - down_since < RETRY_AFTER_SECONDS:
            return on_outage()
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            if down_since is None:
                logger.warning("Redis is unreachable, serving without cache: %s", error)
            _down_since[self._outage_key] = time.monotonic()
            return on_outage()
        if down_since is not None:
            logger.info("Redis answers again: the cache is back in use.")
            _down_since.pop(self._outage_key, None)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def missing():
            # As for a key that is not there: callers already handle that case.
            raise ValueError(f"Key '{key}' not found (Redis is unreachable).")

        return self._call("incr", missing, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
