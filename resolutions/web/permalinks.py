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

from resolutions.reference.numbers import cardinal_ordinal_from_words, ordinal_words
from resolutions.reference.paragraph_keys import (
    KEY_TAIL,
    KeyParts,
    annex_part_named,
    is_key,
    key_parts,
    pinpoint_key,
    place,
)

# --- paragraphs as people write them ------------------------------------------------
# "¶ 5", "para. 5", "paras. 3–5", "op. 2 (d)", "operative paragraph 5", "preambular paragraph 3",
# "pp3", "sub-paragraph (b) of paragraph 2", "third preambular paragraph", "annex, para. 18 (b)".
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_PREAMBULAR_WORD = r"(?:pp\.?|preamb(?:le|ular)\.?(?:[\s\-]*para(?:graph)?s?\.?)?|p\.\s?p\.)"
_OPERATIVE_WORD = (
    r"(?:¶+|§+|paras?\.?|paragraphs?|pars?\.|op\.?|o\.\s?p\.|operative(?:[\s\-]*para(?:graph)?s?\.?)?"
    r"|sub-?para(?:graph)?s?\.?)"
)
# A letter written after the number: "(b)", "b" run on ("2d", "op2d"), and a roman item "(ii)".
_SUB = (
    r"(?:\s?\((?P<{p}letter>[a-z]|(?P<{p}double>[a-z])(?P={p}double))\)|(?P<{p}bare>[a-z])(?![a-z]))?"
    r"(?:\s?\((?P<{p}roman>[ivx]+)\))?"
)
_RANGE = (
    r"(?:\s*(?:-|to|through|and|,|&)\s*"
    r"(?:(?:" + _OPERATIVE_WORD + "|" + _PREAMBULAR_WORD + r")[\s.]*)?"
    r"(?:(?P<last>\d{1,3})" + _SUB.format(p="last_") + r"|\((?P<last_letter_only>[a-z]{1,2})\)))?"
)
PINPOINT_RE = re.compile(
    r"(?<![a-z0-9])(?:(?P<preambular>" + _PREAMBULAR_WORD + r")|(?P<operative>" + _OPERATIVE_WORD + r"))"
    r"[\s._\-]*(?P<number>\d{1,3})" + _SUB.format(p="") + _RANGE
)
# "sub-paragraph (b) of paragraph 2", "subparagraph (a) (ii) of operative paragraph 4"
SUB_FIRST_RE = re.compile(
    r"(?<![a-z])sub-?para(?:graph)?s?\.?\s*\((?P<letter>[a-z]{1,2})\)(?:\s?\((?P<roman>[ivx]+)\))?\s*,?\s*of\s+(?:the\s+)?"
    r"(?:(?P<preambular>" + _PREAMBULAR_WORD + r")|" + _OPERATIVE_WORD + r")[\s._\-]*(?P<number>\d{1,3})"
)
# "third preambular paragraph", "the 5th operative paragraph"
ORDINAL_RE = re.compile(
    r"(?<![a-z])(?P<ordinal>[a-z]+(?:[\s\-][a-z]+)?|\d{1,3}(?:st|nd|rd|th))\s+(?:(?P<preambular>preambular)|operative)\s+paragraph"
)
ANNEX_RE = re.compile(r"(?<![a-z])annex(?:es)?(?:\s+(?P<numeral>[ivxl]+)(?![a-z]))?")
SECTION_RE = re.compile(r"(?<![a-z])(?:section|sect?\.)\s*(?P<section>[ivxl]+|[a-z])(?![a-z])")
# A structured annex's own places, where its paragraphs are numbered: "guideline 5", "principle 3", "article 35".
NAMED_PLACE_RE = re.compile(
    r"(?<![a-z])(?:draft\s+)?(?P<word>guideline|principle|article|conclusion|rule|regulation)\s+(?P<number>\d+[a-z]?|[ivxl]+)(?![a-z0-9])"
)


@dataclass(frozen=True)
class Pinpoint:
    """A paragraph named in a citation: its key, and the last key of a range ("paras. 3–5")."""

    key: str  # "op3", "pp2", "annex-op18b", "op2a-ii"
    last_key: str = ""  # "op5" for "paras. 3–5"; "" for one paragraph


def _place_named(annex, section, named) -> str:
    """The key prefix of a place.

    "annex II, section IV, para. 3" gives 'annex-ii-sec-iv-'; "annex, guideline 5, para. 1" 'annex-sec-guideline-5-'.
    """
    part = annex_part_named(annex["numeral"]) if annex else ""
    if named:
        return place(part, (f"{named['word']} {named['number']}",))
    return place(part, (section["section"],) if section else ())


def read_pinpoint(text: str, *, whole: bool = False) -> Pinpoint | None:
    """The paragraph a citation names, however it is written; None when it names none.

    With ``whole``, the paragraph must be all the text says (a path segment such as
    "para.5" or "op2(d)"), so "126 para. 5" is not taken for a paragraph.
    """
    written = " ".join(text.translate(_DASHES).lower().split()).strip(" ,;:")
    where = _place_named(ANNEX_RE.search(written), SECTION_RE.search(written), NAMED_PLACE_RE.search(written))
    sub_first = SUB_FIRST_RE.search(written)
    if sub_first and not whole:
        return Pinpoint(
            pinpoint_key(
                where,
                int(sub_first["number"]),
                preambular=bool(sub_first["preambular"]),
                letter=sub_first["letter"],
                item=sub_first["roman"] or "",
            )
        )
    ordinal = ORDINAL_RE.search(written)
    if ordinal and not whole:
        words = ordinal["ordinal"].replace(" ", "-")
        number = int(words[:-2]) if words[:-2].isdigit() else cardinal_ordinal_from_words(words)
        if number:
            return Pinpoint(pinpoint_key(where, number, preambular=bool(ordinal["preambular"])))
    match = (PINPOINT_RE.fullmatch if whole else PINPOINT_RE.search)(written)
    if match is None:
        return None
    preambular = bool(match["preambular"])
    letter = match["letter"] or match["bare"] or ""
    key = pinpoint_key(where, int(match["number"]), preambular=preambular, letter=letter, item=match["roman"] or "")
    last_key = ""
    if match["last"]:
        last_letter = match["last_letter"] or match["last_bare"] or ""
        last_key = pinpoint_key(
            where, int(match["last"]), preambular=preambular, letter=last_letter, item=match["last_roman"] or ""
        )
    elif match["last_letter_only"]:  # "paragraph 2 (a) to (c)"
        last_key = pinpoint_key(where, int(match["number"]), preambular=preambular, letter=match["last_letter_only"])
    return Pinpoint(key, last_key if last_key != key else "")


def loose_key(segment: str) -> str | None:
    """A paragraph key from a path segment written any way ('para. 5' -> 'op5', 'OP5' -> 'op5', 'op2(d)' -> 'op2d'), or None."""
    segment = segment.strip()
    if is_key(segment.lower()):
        return segment.lower()
    pinpoint = read_pinpoint(segment, whole=True)
    return pinpoint.key if pinpoint else None


def symbol_to_path_segment(symbol: str) -> str:
    """'A/RES/75/101 A' -> 'A/RES/75/101_A' (the part of the path that names a resolution)."""
    return "_".join(symbol.split())


def path_segment_to_symbol(segment: str) -> str:
    """'A/RES/75/101_A' -> 'A/RES/75/101 A'."""
    return segment.strip("/").replace("_", " ")


def _sub_numbers(parts: KeyParts) -> str:
    """' (d)', ' (a) (ii)', and ' (repeated)' for a number printed twice."""
    printed = f" ({parts.letter})" if parts.letter else ""
    printed += f" ({parts.item})" if parts.item else ""
    return printed + (" (repeated)" if parts.repeat else "")


def paragraph_label(key: str) -> str:
    """UN citation style: 'para. 5', 'para. 2 (d)', 'fourth preambular paragraph', 'annex, para. 3'."""
    parts = key_parts(key)
    if parts is None:
        return f"paragraph {key}"
    if parts.kind == "pp":
        label = f"{ordinal_words(int(parts.number))} preambular paragraph{_sub_numbers(parts)}"
    elif parts.kind == "p":
        label = f"{ordinal_words(int(parts.number))} paragraph{_sub_numbers(parts)}"
    else:
        label = f"para. {parts.number}{_sub_numbers(parts)}"
    return f"{parts.where}, {label}" if parts.where else label


def paragraph_title(key: str) -> str:
    """A heading for a paragraph's own page: 'Operative paragraph 5', 'Annex II, preambular paragraph 2'."""
    parts = key_parts(key)
    if parts is None:
        return f"Paragraph {key}"
    kind = {"pp": "preambular paragraph", "op": "operative paragraph", "p": "unnumbered paragraph"}[parts.kind]
    title = f"{kind} {parts.number}{_sub_numbers(parts)}"
    if parts.where:
        title = f"{parts.where}, {title}"
    return title[0].upper() + title[1:]


def short_key(key: str, longest: int = 10) -> str:
    """The key as shown in the margin: whole when short, else its last part ('…pp18a')."""
    if len(key) <= longest:
        return key
    match = KEY_TAIL.search(key)
    return "…" + (match.group(0).lstrip("-") if match else key[-(longest - 1) :])


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


PERMALINKS_HEADER = (
    "# Every paragraph permalink of the fixtures and the SHA-256 of its text.\n"
    "# Generated by: python manage.py permalinks --write\n"
)


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
