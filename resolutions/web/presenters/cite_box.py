"""The "Cite this" box of the resolution and paragraph pages: the citation in each style, ready to copy,
the citation files to download, and the address the citation basket keeps for a paragraph."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from resolutions.exports import citation_formats
from resolutions.exports.cited import cited
from resolutions.exports.styles import bluebook, oscola, un_style
from resolutions.models import Resolution
from resolutions.reference import permalinks
from resolutions.web.presenters.resolutions import ready_citations


def cite_box(resolution: Resolution, key: str, permalink: str) -> dict:
    """What the box shows for the resolution (``key`` empty) or its paragraph ``key``."""
    item = cited(resolution, permalink, key)
    if key:
        ready = ready_citations(resolution, key, permalink)  # UN style, with symbol and date, permalink
        citations = [*ready[:2], ("cite-oscola", "OSCOLA", oscola(item)), ("cite-bluebook", "Bluebook", bluebook(item))]
        citations.append(ready[2])
    else:
        citations = [
            ("cite-un", "UN style", un_style(item)),
            ("cite-symbol", "Symbol", resolution.symbol),
            ("cite-oscola", "OSCOLA", oscola(item)),
            ("cite-bluebook", "Bluebook", bluebook(item)),
            ("cite-link", "Permalink", permalink),
        ]
    path = permalinks.paragraph_url(resolution.symbol, key) if key else permalinks.resolution_url(resolution.symbol)
    return {
        "title": gettext_noop("Cite this paragraph")
        if key
        else gettext_noop("Cite this resolution"),  # translated by the template
        "citations": citations,
        "downloads": [(name, f"{path}cite.{extension}") for extension, name in citation_formats.NAMES.items()],
        "basket_address": path.strip("/") if key else "",
    }
