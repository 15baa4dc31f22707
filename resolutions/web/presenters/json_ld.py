"""The schema.org JSON-LD of the resolution and paragraph pages, and the script element that carries it."""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

from resolutions.models import Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.presenters.resolutions import official_url

# What json_script escapes, so a JSON-LD block cannot close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


# The page shows the whole text; its JSON-LD repeats at most this much of it, so a long paragraph is not
# sent twice in full (a page's weight stays about its text's).
JSON_LD_TEXT_CHARS = 2000


def excerpt(text: str) -> str:
    """``text``, cut at a word before ``JSON_LD_TEXT_CHARS`` with an ellipsis when longer."""
    if len(text) <= JSON_LD_TEXT_CHARS:
        return text
    return text[:JSON_LD_TEXT_CHARS].rsplit(" ", 1)[0].rstrip() + "…"


def json_ld_script(data: dict) -> SafeString:
    """A schema.org JSON-LD block; '<', '>' and '&' are escaped so the text can never end the element."""
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{encoded}</script>')


def legislation_json_ld(resolution: Resolution, url: str, title: str = "", language: str = "") -> dict:
    """The resolution as a schema.org Legislation; ``url`` is its page's absolute address; ``title`` and
    ``language``, those of the text the page shows (the record's when not given)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": title or resolution.title,
        "legislationIdentifier": resolution.symbol,
        "legislationType": "Resolution",
        "legislationPassedBy": {"@type": "Organization", "name": f"United Nations {resolution.body.name}"},
        "inLanguage": language or resolution.language,
        "url": url,
        "sameAs": official_url(resolution.symbol),
    }
    if resolution.adopted_on:
        data["legislationDate"] = resolution.adopted_on.isoformat()
    return data


def paragraph_json_ld(resolution: Resolution, paragraph: Paragraph, title: str, url: str, whole: dict) -> dict:
    """The paragraph as a schema.org Legislation, part of ``whole`` (the resolution's, as above)."""
    return {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": f"{resolution.symbol}, {title}",
        "legislationIdentifier": f"{resolution.symbol}, {permalinks.paragraph_label(paragraph.key)}",
        "text": excerpt(paragraph.text),
        "url": url,
        "isPartOf": {name: value for name, value in whole.items() if name != "@context"},
        "inLanguage": paragraph.language,
    }
