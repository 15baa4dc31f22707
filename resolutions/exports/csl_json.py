"""CSL-JSON: the citation items that citeproc processors (Zotero, Pandoc, citation.js) format in any style.

A resolution is CSL's ``legislation`` with the organ as an institutional author (``literal``) and the
symbol as its ``number``; a paragraph adds its pinpoint as ``section`` and its text as ``abstract``.
"""

from __future__ import annotations

import json

from resolutions.exports.cited import PUBLISHER, Cited
from resolutions.exports.styles import un_style_in

MEDIA_TYPE = "application/vnd.citationstyles.csl+json"
EXTENSION = "json"


def item(cited: Cited) -> dict:
    """One CSL item."""
    data = {
        "id": cited.identifier,
        "type": "legislation",
        "title": cited.title,
        "author": [{"literal": cited.author}],
        "authority": cited.author,
        "publisher": PUBLISHER,
        "genre": "Resolution",
        "number": cited.symbol,
        "URL": cited.url,
        "language": cited.language,
        "note": un_style_in(cited, cited.language),
    }
    if cited.adopted_on:
        day = cited.adopted_on
        data["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    if cited.key:
        data["section"] = cited.label
    if cited.text:
        data["abstract"] = cited.text
    return data


def render(items: list[Cited]) -> str:
    """A JSON array of items (CSL-JSON is always an array)."""
    return json.dumps([item(each) for each in items], ensure_ascii=False, indent=2) + "\n"
