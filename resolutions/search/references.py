"""A query that is only a citation ("70/126", "resolution 70/126 para 5") goes straight to its page."""

from __future__ import annotations

import re

from resolutions.citations.references import parse_reference
from resolutions.models import Resolution
from resolutions.reference.permalinks import paragraph_url, resolution_url

REFERENCE_WORDS = {
    "resolution",
    "res",
    "para",
    "paras",
    "paragraph",
    "op",
    "operative",
    "pp",
    "preambular",
    "of",
    "the",
    "general",
    "assembly",
    "ga",
    "economic",
    "and",
    "social",
    "council",
    "ecosoc",
    "its",
}
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def reference_url(text: str) -> str | None:
    """The page a query that is only a citation names (paragraph, else resolution), when the archive holds it."""
    text = CONTROL_RE.sub(" ", text).strip()
    if not text or len(text) > 120 or not re.search(r"\d", text) or ":" in text:
        return None
    leftover = [w.lower() for w in re.findall(r"[^\s,.;:()]+", text) if not re.search(r"[\d/]", w)]
    if any(word not in REFERENCE_WORDS and not re.fullmatch(r"[a-h]", word) for word in leftover):
        return None
    reference = parse_reference(text)
    if reference is None:
        return None
    resolution = Resolution.objects.by_symbol(reference.symbol).only("symbol").first()
    if resolution is None:
        return None
    if reference.paragraph_key and resolution.paragraphs.filter(key=reference.paragraph_key).exists():
        return paragraph_url(resolution.symbol, reference.paragraph_key)
    return resolution_url(resolution.symbol)
