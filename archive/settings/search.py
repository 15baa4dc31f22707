"""Search and the caches in front of the pages.

The Tantivy index lives beside PostgreSQL, one folder per database (``resolutions/search/index.py``).
A search waits ``SEARCH_INDEX_WAIT_MS`` for an import's next index commit before answering 503, pages
through ``SEARCH_MAX_HITS`` hits at most, and its page is cached ``SEARCH_CACHE_SECONDS`` (0: never).
Rendered pages are kept in a file cache that every worker shares, so a page rendered by one worker is
served by every other, until the data changes (``resolutions/web/page_cache.py``).
"""

from archive.settings.core import ENV

SEARCH_INDEX_DIR = str(ENV.search_index_dir)
SEARCH_INDEX_WAIT_MS = ENV.search_index_wait_ms
SEARCH_MAX_HITS = ENV.search_max_hits
SEARCH_INDEX_WRITER_MB = ENV.search_index_writer_mb
SEARCH_CACHE_SECONDS = ENV.search_cache_seconds

PAGE_CACHE_SECONDS = ENV.page_cache_seconds
CACHES = {
    "default": {
        "BACKEND": "archive.file_cache.BoundedFileCache",  # bounded in bytes, culled now and then
        "LOCATION": str(ENV.page_cache_dir),
        "OPTIONS": {"MAX_ENTRIES": ENV.page_cache_max_entries, "MAX_BYTES": ENV.page_cache_max_mb * 1024 * 1024},
    },
    # The API's counts of anonymous requests (resolutions/api/throttling.py): each process its own.
    "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
