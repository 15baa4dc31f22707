"""Reads of the archive's permalinks: every paragraph address it answers, and the text each one answers with."""

from __future__ import annotations

from resolutions.models import Paragraph, ParagraphVersion, Resolution
from resolutions.reference.permalinks import PERMALINKS_HEADER, paragraph_url, text_hash
from resolutions.web.addresses import read_address


def permalink_texts(*, urls: list[str]) -> dict[str, str | None]:
    """The text each paragraph address answers with, None for a 404 (redirects followed).

    Reads every address as the paragraph view does (``views.read_address``,
    then the live paragraph, else ``ParagraphVersion.objects.address_answer``:
    the key its text moved to, or its earlier text), one query per
    resolution, so a corpus of 100,000 addresses is checked in minutes; the
    pages themselves showing that text is what the permalink tests of the
    document pages prove.
    """
    by_symbol: dict[str, list[tuple[str, str]]] = {}
    for url in urls:
        address = read_address(url.lstrip("/"))
        by_symbol.setdefault(address.symbol_text, []).append((url, address.key))
    answered: dict[str, str | None] = {}
    for symbol, addresses in by_symbol.items():
        resolution = Resolution.objects.filter(symbol=symbol).first()
        live = dict(resolution.paragraphs.values_list("key", "text")) if resolution else {}
        for url, key in addresses:
            if resolution is None or not key:
                answered[url] = None
            elif key in live:
                answered[url] = live[key]
            else:
                moved_to, version = ParagraphVersion.objects.address_answer(resolution, key, set(live))
                answered[url] = live[moved_to] if moved_to else (version.text if version else None)
    return answered


def permalink_list_tsv() -> str:
    """Every paragraph address the database answers, with the SHA-256 of its text (``permalinks --snapshot``)."""
    rows = Paragraph.objects.order_by("resolution__symbol", "order").values_list("resolution__symbol", "key", "text")
    return PERMALINKS_HEADER + "".join(
        f"{paragraph_url(symbol, key)}\t{text_hash(text)}\n" for symbol, key, text in rows.iterator()
    )
