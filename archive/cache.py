"""The caches every web process shares: Redis when ``REDIS_URL`` is set, else files on this machine.

With several web machines the page and search caches must be one (a page rendered on one machine is served
by all, an import's new data version ends it everywhere), so ``REDIS_URL`` points Django's own Redis backend
at one Redis; without it, the file cache under ``PAGE_CACHE_DIR`` is shared by this machine's workers.
A cache costs speed, never the answer: ``SharedRedisCache`` reads a Redis it cannot reach as a miss and
drops the write, so pages are rendered afresh while Redis is away (and short socket timeouts keep it from
holding a request).
"""

from __future__ import annotations

import logging
import time

import redis
from django.core.cache.backends.redis import RedisCache

from archive.environment import Environment

logger = logging.getLogger("archive.cache")
REDIS_TIMEOUT_SECONDS = 0.5  # connecting to or answering from Redis; on the same network it takes a millisecond
REDIS_RETRY_SECONDS = 5.0  # after a failure, Redis is left alone this long


class SharedRedisCache(RedisCache):
    """Django's Redis cache, failing soft: an unreachable Redis is a miss, never an error page."""

    _unavailable_until = 0.0

    def _guarded(self, operation: str, default, call):
        if time.monotonic() < self._unavailable_until:
            return default
        try:
            return call()
        except redis.RedisError as error:
            if time.monotonic() >= self._unavailable_until:
                logger.warning("shared cache unavailable (%s): %s", operation, error)
            self._unavailable_until = time.monotonic() + REDIS_RETRY_SECONDS
            return default

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, lambda: super(SharedRedisCache, self).get(key, default, version))

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, lambda: super(SharedRedisCache, self).get_many(keys, version))

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, lambda: super(SharedRedisCache, self).has_key(key, version))


def _passing(name: str, default):
    """A writing method of ``SharedRedisCache``: Django's, with a failure dropped."""
    parent = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        return self._guarded(name, default, lambda: parent(self, *args, **kwargs))

    method.__name__ = name
    method.__doc__ = f"Django's ``{name}``; while Redis is unreachable, nothing is written."
    return method


for _name, _default in [
    ("set", None),
    ("add", False),
    ("touch", False),
    ("delete", False),
    ("set_many", []),
    ("delete_many", None),
    ("clear", None),
]:
    setattr(SharedRedisCache, _name, _passing(_name, _default))


def redis_cache(url: str, prefix: str) -> dict:
    return {
        "BACKEND": "archive.cache.SharedRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
            "health_check_interval": 30,
        },
    }


def shared_caches(env: Environment) -> dict:
    """``CACHES``: the page and search cache (``default``) and the API's request counts (``throttle``)."""
    if env.redis_url:
        # One Redis for every machine; its memory bound and eviction (allkeys-lru) are Redis's own settings.
        return {"default": redis_cache(env.redis_url, "archive"), "throttle": redis_cache(env.redis_url, "throttle")}
    return {
        "default": {
            "BACKEND": "archive.file_cache.BoundedFileCache",  # bounded in bytes, culled now and then
            "LOCATION": str(env.page_cache_dir),
            "OPTIONS": {"MAX_ENTRIES": env.page_cache_max_entries, "MAX_BYTES": env.page_cache_max_mb * 1024 * 1024},
        },
        # The API's counts of anonymous requests (resolutions/api/throttling.py): each process its own.
        "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
