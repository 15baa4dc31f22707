"""One request naming the paragraphs of a citation basket, as the basket page and its exports read it.

The basket sends each paragraph as ``p``, its address without the site: ``A/RES/70/126/op5`` (a leading or
trailing slash, a full permalink or another spelling of the key, 'para.5', are read too). Addresses that
name no paragraph are errors; addresses the archive does not hold are named as unknown. Both are shown to
the reader, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from resolutions.models import Paragraph
from resolutions.web.addresses import read_address
from resolutions.web.selectors.cited import paragraphs_named

MAX_ITEMS = 200  # paragraphs one basket holds at most
MAX_ITEM_LENGTH = 160  # characters of one address read


@dataclass
class Basket:
    """The paragraphs a request names: those held, in the order given, and the addresses refused."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # well-formed, but not in the archive
    errors: list[str] = field(default_factory=list)  # not addresses of paragraphs; too many

    @property
    def refused(self) -> bool:
        return bool(self.unknown or self.errors)


def address_of(value: str) -> str:
    """'https://host/A/RES/70/126/op5/' or '/A/RES/70/126/op5/' -> 'A/RES/70/126/op5'."""
    value = value.strip()
    if "://" in value:
        value = urlsplit(value).path
    return value.strip("/")


def read_basket(values: list[str]) -> Basket:
    """The basket of the ``p`` values, duplicates once, in their first order."""
    basket = Basket()
    given = list(dict.fromkeys(address_of(value) for value in values if value.strip()))
    if len(given) > MAX_ITEMS:
        basket.errors.append(f"A basket holds at most {MAX_ITEMS} paragraphs; this one names {len(given)}.")
        return basket
    wanted: list[tuple[str, str, str]] = []
    for text in given:
        address = read_address(text[:MAX_ITEM_LENGTH]) if len(text) <= MAX_ITEM_LENGTH else None
        if address is None or not address.key or not address.symbol_text:
            basket.errors.append(f"“{text[:80]}” is not the address of a paragraph (e.g. A/RES/70/126/op5).")
        else:
            wanted.append((address.symbol_text, address.key, text))
    found = paragraphs_named(wanted=[(symbol, key) for symbol, key, _ in wanted])
    for symbol, key, text in wanted:
        paragraph = found.get((symbol, key))
        if paragraph is not None and paragraph not in basket.paragraphs:
            basket.paragraphs.append(paragraph)
        elif paragraph is None:
            basket.unknown.append(text)
    return basket
