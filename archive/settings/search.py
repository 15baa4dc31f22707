"""Search and the caches in front of the pages.

The Tantivy index lives beside PostgreSQL, one folder per database (``resolutions/search/index.py``).
A search waits ``SEARCH_INDEX_WAIT_MS`` for an import's next index commit before answering 503, pages
through ``SEARCH_MAX_HITS`` hits at most, and its page is cached ``SEARCH_CACHE_SECONDS`` (0: never).
Rendered pages are kept in a cache that every worker shares, so a page rendered by one worker is
served by every other, until the data changes (``resolutions/web/page_cache.py``): Redis when ``REDIS_URL``
is set (shared by every web machine), else files on this machine (``archive/cache.py``).
"""

from archive.cache import shared_caches
from archive.settings.core import ENV

SEARCH_INDEX_DIR = str(ENV.search_index_dir)
SEARCH_INDEX_WAIT_MS = ENV.search_index_wait_ms
SEARCH_MAX_HITS = ENV.search_max_hits
SEARCH_INDEX_WRITER_MB = ENV.search_index_writer_mb
SEARCH_CACHE_SECONDS = ENV.search_cache_seconds

PAGE_CACHE_SECONDS = ENV.page_cache_seconds
CDN_PAGE_SECONDS = ENV.cdn_page_seconds  # s-maxage of those pages for a CDN in front (archive/cdn.py)
CACHES = shared_caches(ENV)  # Redis when REDIS_URL is set (every machine shares it), else files (archive/cache.py)
