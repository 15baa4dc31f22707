"""Permalinks: how a resolution symbol and a paragraph key become a URL path, and back (pure: no ORM).

Canonical form (documented in README "Permalinks"):

- a resolution is its symbol as the UN prints it, in capitals, followed by a
  slash: ``/A/RES/70/126/``, ``/E/ESCAP/RES/67/8/``, ``/A/RES/S-24/2/``;
- a space in a symbol becomes an underscore, so ``A/RES/75/101 A`` is
  ``/A/RES/75/101_A/`` (no ``%20`` in links people copy);
- a paragraph adds its key, in lower case: ``/A/RES/70/126/op5/``,
  ``/A/RES/70/126/pp3/``, ``/A/RES/70/126/annex-op5a/``.

Symbols are capitals and digits, keys start with a lower-case letter, so the
two never collide. Any other spelling is resolved by the view and answered
with a permanent redirect to the canonical form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.bodies import ordinal_words

# The paragraph key scheme of resolutions.ingest.document: pp3, op5, op1a, op1a-ii,
# annex-op5, annex-ii-pp1.
KEY_PATTERN = re.compile(
    r"^(?:(?P<annex>annex)(?:-(?P<annex_number>[ivxlc]+))?-)?"
    r"(?P<kind>pp|op)(?P<number>\d+)(?P<letter>[a-z]{0,2}?)(?:-(?P<item>[ivxlc]+))?$"
)
# A trailing path segment that names a paragraph in other words: "para.5", "para-5",
# "paragraph5", "op.5", "OP5", "PP3", "preambular-3".
LOOSE_KEY_PATTERN = re.compile(
    r"^(?:(?P<operative>para(?:graph)?s?|op(?:erative)?(?:-?para(?:graph)?)?|§)|(?P<preambular>pp|preamb(?:le|ular)?(?:-?para(?:graph)?)?))"
    r"[\s._\-]*(?P<number>\d+)[\s._\-]*(?P<letter>[a-z]?)$",
    re.IGNORECASE,
)


def symbol_to_path_segment(symbol: str) -> str:
    """'A/RES/75/101 A' -> 'A/RES/75/101_A' (the part of the path that names a resolution)."""
    return "_".join(symbol.split())


def path_segment_to_symbol(segment: str) -> str:
    """'A/RES/75/101_A' -> 'A/RES/75/101 A'."""
    return segment.strip("/").replace("_", " ")


def is_key(segment: str) -> bool:
    return KEY_PATTERN.match(segment) is not None


def loose_key(segment: str) -> str | None:
    """A paragraph key from another spelling of it ('para. 5' -> 'op5', 'OP5' -> 'op5'), or None."""
    segment = segment.strip()
    if KEY_PATTERN.match(segment.lower()):
        return segment.lower()
    match = LOOSE_KEY_PATTERN.match(segment)
    if match is None:
        return None
    kind = "pp" if match.group("preambular") else "op"
    return f"{kind}{int(match.group('number'))}{match.group('letter').lower()}"


@dataclass(frozen=True)
class KeyParts:
    annex: str  # "" (the resolution itself), "annex", "annex II"
    preambular: bool
    number: int
    letter: str  # "", "a"
    item: str  # "", "ii"


def key_parts(key: str) -> KeyParts | None:
    match = KEY_PATTERN.match(key)
    if match is None:
        return None
    annex = ""
    if match.group("annex"):
        annex = "annex" + (f" {match.group('annex_number').upper()}" if match.group("annex_number") else "")
    return KeyParts(
        annex=annex,
        preambular=match.group("kind") == "pp",
        number=int(match.group("number")),
        letter=match.group("letter"),
        item=match.group("item") or "",
    )


def _printed_number(parts: KeyParts) -> str:
    """'5', '2 (d)', '1 (a) (ii)'."""
    printed = str(parts.number)
    if parts.letter:
        printed += f" ({parts.letter})"
    if parts.item:
        printed += f" ({parts.item})"
    return printed


def paragraph_label(key: str) -> str:
    """UN citation style for a paragraph: 'para. 5', 'para. 2 (d)', 'fourth preambular paragraph', 'annex, para. 3'."""
    parts = key_parts(key)
    if parts is None:
        return f"paragraph {key}"
    if parts.preambular:
        label = f"{ordinal_words(parts.number)} preambular paragraph"
        if parts.letter or parts.item:
            label += " " + _printed_number(parts).split(" ", 1)[1]
    else:
        label = f"para. {_printed_number(parts)}"
    return f"{parts.annex}, {label}" if parts.annex else label


def paragraph_title(key: str) -> str:
    """A heading for a paragraph's own page: 'Operative paragraph 5', 'Annex, preambular paragraph 2'."""
    parts = key_parts(key)
    if parts is None:
        return f"Paragraph {key}"
    kind = "preambular" if parts.preambular else "operative"
    title = f"{kind} paragraph {_printed_number(parts)}"
    if parts.annex:
        return f"{parts.annex[0].upper()}{parts.annex[1:]}, {title}"
    return title.capitalize()


def un_style_citation(body_name: str, number: str, key: str) -> str:
    """'General Assembly resolution 70/126, para. 5'."""
    return f"{body_name} resolution {number}, {paragraph_label(key)}"


def symbol_citation(symbol: str, adopted_on_text: str, key: str) -> str:
    """'A/RES/70/126 of 17 December 2015, para. 5' (the date left out when unknown)."""
    dated = f"{symbol} of {adopted_on_text}" if adopted_on_text else symbol
    return f"{dated}, {paragraph_label(key)}"


def resolution_url(symbol: str) -> str:
    """'/A/RES/70/126/' — the canonical address of a resolution."""
    from django.urls import reverse

    return reverse("document", kwargs={"rest": symbol_to_path_segment(symbol) + "/"})


def paragraph_url(symbol: str, key: str) -> str:
    """'/A/RES/70/126/op5/' — the canonical address of a paragraph."""
    from django.urls import reverse

    return reverse("document", kwargs={"rest": f"{symbol_to_path_segment(symbol)}/{key}/"})


def text_hash(text: str) -> str:
    """What the permalink list records of a paragraph: the SHA-256 of its clean text."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


PERMALINKS_HEADER = "# Every paragraph permalink of the fixtures and the SHA-256 of its text.\n# Generated by: python manage.py permalinks --write\n"


def permalinks_tsv(resolutions) -> str:
    """The committed permalink list (fixtures/permalinks.tsv) for parsed resolutions: path TAB hash."""
    rows = [
        f"{paragraph_url(resolution.symbol, paragraph.key)}\t{text_hash(paragraph.text)}\n"
        for resolution in sorted(resolutions, key=lambda item: item.symbol)
        for paragraph in sorted(resolution.paragraphs, key=lambda item: item.order)
    ]
    return PERMALINKS_HEADER + "".join(rows)


def read_permalinks_tsv(text: str) -> list[tuple[str, str]]:
    return [tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#")]
