"""The bulk files (``/bulk/``): the list of what ``manage.py export_bulk`` last wrote into ``BULK_DIR``, and
each file (``/bulk/paragraphs.csv``), streamed from disk.

Only the names a bulk export writes are served; anything else is a 404, so no other file of the folder
(or outside it) can be asked for.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import render

from resolutions.exports import bulk

CONTENT_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".jsonl": "application/jsonl; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".json": "application/json",
}


def bulk_folder() -> Path:
    return Path(settings.BULK_DIR)


def _manifest() -> dict | None:
    try:
        return json.loads((bulk_folder() / bulk.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def bulk_index(request):
    """The bulk files, their rows and sizes, and what their fields hold."""
    manifest = _manifest()
    context = {"manifest": manifest, "tables": bulk.TABLES}
    if manifest:
        context["files"] = [(name, entry) for name, entry in manifest["files"].items()]
    return render(request, "resolutions/bulk.html", context)


def bulk_file(request, name: str):
    """One bulk file, streamed; 404 for any name a bulk export does not write, or before one was written."""
    path = bulk_folder() / name
    if name not in bulk.file_names() or not path.is_file():
        return render(
            request,
            "resolutions/message.html",
            {
                "title": "No such bulk file",
                "message": f"There is no bulk file named “{name[:80]}”. The bulk files are listed on the bulk data page.",
                "back": ("/bulk/", "Bulk data"),
            },
            status=404,
        )
    response = FileResponse(path.open("rb"), content_type=CONTENT_TYPES[path.suffix])
    if path.suffix in (".csv", ".jsonl"):
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
