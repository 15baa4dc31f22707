"""Exports: how many rows a search export writes at most, and where the bulk files are.

A search export (``/search/export.csv``) streams every match, up to ``EXPORT_MAX_ROWS`` rows (default one
million); a file cut there ends with a notice row saying so. ``manage.py export_bulk`` writes the bulk
files into ``BULK_DIR`` (default ``var/bulk/``), which ``/bulk/`` serves.
"""

from archive.settings.core import ENV

EXPORT_MAX_ROWS = ENV.export_max_rows
BULK_DIR = str(ENV.bulk_dir)
