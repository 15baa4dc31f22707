"""Exports: how many rows a search export writes at most, and where the bulk files are.

A search export (``/search/export.csv``) streams every match, up to ``EXPORT_MAX_ROWS`` rows (default one
million); a file cut there ends with a notice row saying so. ``manage.py export_bulk`` writes the bulk
files into ``BULK_DIR`` (default ``var/bulk/``), which ``/bulk/`` serves.
"""

from archive.settings.core import ENV

EXPORT_MAX_ROWS = ENV.export_max_rows
BULK_DIR = str(ENV.bulk_dir)

# Per-client limits on searches and exports (resolutions/web/client_limits.py), counted in the default cache.
SEARCH_RATE = ENV.search_rate
EXPORT_RATE = ENV.export_rate
CLIENT_IP_HEADER = ENV.client_ip_header
