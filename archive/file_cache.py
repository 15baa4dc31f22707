"""Django's file cache, bounded in bytes, culled now and then, and safe from damaged files.

Django's ``FileBasedCache`` lists its whole folder on every write to decide whether to cull (96 ms at
50,000 entries), bounds only the number of entries (not their size: pages run to megabytes), and raises
on a damaged file (a truncated or corrupted entry made its page a 500 until the next import). This one:

- culls at most once every ``CULL_SECONDS`` (default 60): a write stats one marker file, not the folder;
  between culls the folder can outgrow its bounds by what is written meanwhile;
- culls to 90 % of both ``MAX_ENTRIES`` and ``MAX_BYTES``, the least recently written first (entries
  live alike, so they are also the first to expire; an expired entry read is deleted as in Django);
- treats an entry it cannot read as absent (a miss), and deletes it.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
import zlib

from django.core.cache.backends.filebased import FileBasedCache

logger = logging.getLogger(__name__)
CULL_MARKER = ".last-cull"
CULL_TARGET = 0.9  # a cull leaves this share of the bounds, so that the next writes do not cull again at once
DAMAGE = (pickle.UnpicklingError, zlib.error, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError)


class BoundedFileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        options = params.get("OPTIONS", {})
        self._max_bytes = int(options.get("MAX_BYTES", 1024 * 1024 * 1024))
        self._cull_seconds = float(options.get("CULL_SECONDS", 60))

    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(zlib.decompress(f.read()))
        except FileNotFoundError:
            pass
        except DAMAGE as error:
            self._forget_damaged(fname, error)
        return default

    def has_key(self, key, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                return not self._is_expired(f)
        except FileNotFoundError:
            return False
        except DAMAGE as error:
            self._forget_damaged(fname, error)
            return False

    def touch(self, key, timeout=None, version=None):
        try:
            return super().touch(key, timeout, version)
        except DAMAGE as error:
            self._forget_damaged(self._key_to_file(key, version), error)
            return False

    def _forget_damaged(self, fname: str, error: Exception) -> None:
        logger.warning("damaged cache entry %s deleted (%s)", os.path.basename(fname), type(error).__name__)
        self._delete(fname)

    def _cull(self):
        """Cull when the last cull is older than ``CULL_SECONDS`` (one stat per write otherwise)."""
        marker = os.path.join(self._dir, CULL_MARKER)
        try:
            if time.time() - os.stat(marker).st_mtime < self._cull_seconds:
                return
        except FileNotFoundError:
            pass
        try:
            with open(marker, "a"):
                os.utime(marker)
        except OSError:
            return
        self.cull_now()

    def cull_now(self) -> int:
        """Delete the oldest entries until within 90 % of both bounds; the number deleted."""
        entries = []
        for fname in self._list_cache_files():
            try:
                status = os.stat(fname)
            except FileNotFoundError:
                continue
            entries.append((status.st_mtime, status.st_size, fname))
        count, size = len(entries), sum(entry[1] for entry in entries)
        if count <= self._max_entries and size <= self._max_bytes:
            return 0
        deleted = 0
        for _, entry_size, fname in sorted(entries):  # the least recently written first
            if count <= self._max_entries * CULL_TARGET and size <= self._max_bytes * CULL_TARGET:
                break
            if self._delete(fname):
                deleted += 1
            count, size = count - 1, size - entry_size
        return deleted
