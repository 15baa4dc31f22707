"""The addresses of documents: what a request path names, its canonical path, and the redirect to it.

Symbols and paragraph keys become URLs as ``resolutions.reference.permalinks`` says;
any other spelling of a resolution or paragraph address is answered with a
permanent redirect to the canonical one, built from the symbol we hold (so a
redirect never leaves the site).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponsePermanentRedirect

from resolutions.citations.pinpoints import loose_key
from resolutions.citations.references import parse_reference
from resolutions.citations.symbols import normalize_symbol
from resolutions.models import Resolution
from resolutions.reference import permalinks


@dataclass(frozen=True)
class Address:
    """What a request path names: a symbol as written, and a paragraph key if one is named."""

    symbol_text: str
    key: str  # canonical spelling ("op5"), or ""
    key_text: str  # as written ("para.5"), or ""


def read_address(rest: str) -> Address:
    """The symbol and key of a path: its last segment is a key when it reads as one ("op5", "para.5")."""
    segments = rest.strip("/").split("/")
    key = key_text = ""
    if len(segments) > 1:
        loose = loose_key(segments[-1])
        if loose:
            key, key_text = loose, segments[-1]
            segments = segments[:-1]
    return Address(permalinks.path_segment_to_symbol("/".join(segments)), key, key_text)


def interpret(rest: str, address: Address) -> tuple[str, str] | None:
    """(symbol, key) for a spelling that is not canonical: lower case, dashes, '70/126', 'para. 5'."""
    symbol = normalize_symbol(address.symbol_text)
    if symbol:
        return symbol, address.key
    reference = parse_reference(permalinks.path_segment_to_symbol(rest))
    if reference:
        return reference.symbol, address.key or reference.paragraph_key
    return None


def canonical_path(resolution: Resolution, key: str, suffix: str = "") -> str:
    """The resolution's path, or its paragraph's when ``key`` is given; with ``suffix`` (".json"), the path of
    that format ('/A/RES/70/126/op5.json')."""
    path = permalinks.paragraph_url(resolution.symbol, key) if key else permalinks.resolution_url(resolution.symbol)
    return path.rstrip("/") + suffix if suffix else path


# ---------------------------------------------------------------- formats: by suffix or by Accept

# The formats a document address answers in, by the suffix that asks for one; HTML is the address itself.
SUFFIXES = {".akn.xml": "akn", ".json": "json", ".bib": "bib", ".ris": "ris"}
MEDIA_TYPES = {
    "text/html": "html",
    "application/json": "json",
    "application/akn+xml": "akn",
    "application/x-bibtex": "bib",
    "application/x-research-info-systems": "ris",
}


def split_suffix(rest: str) -> tuple[str, str]:
    """('A/RES/70/126/op5/', '.json') for 'A/RES/70/126/op5.json'; (rest, '') when no format suffix ends it."""
    for suffix in SUFFIXES:
        if rest.endswith(suffix) and len(rest) > len(suffix):
            return rest[: -len(suffix)].rstrip("/") + "/", suffix
    return rest, ""


def preferred_format(request) -> str:
    """The format the request's Accept header prefers among those served ("html" when it names none of them)."""
    return MEDIA_TYPES.get(request.get_preferred_type(list(MEDIA_TYPES)), "html")


def permanent_redirect(request, path: str) -> HttpResponsePermanentRedirect:
    """To ``path`` with the request's query string. Only ever to a path of this site: ``path`` is built by
    reverse() from a symbol we hold."""
    if not path.startswith("/") or path.startswith("//"):
        raise ValueError(f"refusing to redirect off-site: {path!r}")
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)
