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

# Any paragraph key of resolutions.ingest.document: lower case, starting with a letter
# ("pp3", "op5", "op1a-ii", "annex-op5", "sec-viii-op1", "annex-sec-chapter-v-article-35-op1").
KEY_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# The paragraph itself, at the end of a key: kind, number, letter, roman item, repeat.
KEY_TAIL = re.compile(
    r"(?:^|-)(?P<kind>pp|op|p)(?P<number>\d+)(?P<letter>[a-z]{0,2}?)(?:-(?P<item>[ivxlc]+))?(?:-(?P<repeat>\d+))?$"
)
ROMAN = re.compile(r"^[ivxlc]+$")
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


def loose_key(segment: str) -> str | None:
    """A paragraph key from a path segment written any way ('para. 5' -> 'op5', 'OP5' -> 'op5'), or None."""
    segment = segment.strip()
    match = LOOSE_KEY_PATTERN.match(segment)
    if match is not None:
        kind = "pp" if match.group("preambular") else "op"
        return f"{kind}{int(match.group('number'))}{match.group('letter').lower()}"
    if KEY_SHAPE.match(segment.lower()) and KEY_TAIL.search(segment.lower()):
        return segment.lower()
    return None


@dataclass(frozen=True)
class KeyParts:
    where: str  # "" (the resolution itself), "annex", "annex II", "section VIII", "annex, chapter V, article 35"
    kind: str  # "pp" preambular, "op" operative, "p" unnumbered
    number: int
    letter: str  # "", "a"
    item: str  # "", "ii"
    repeat: int  # 0, or 2 for the second paragraph printed with the same number


def _where(prefix: str) -> str:
    """'annex-ii' -> 'annex II'; 'sec-viii' -> 'section VIII'; 'annex-sec-chapter-v-article-35' -> 'annex, chapter V, article 35'."""
    tokens = [token for token in prefix.split("-") if token]
    places: list[str] = []
    index = 0
    while index < len(tokens):
        word = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        numbered = ROMAN.match(following) or following.isdigit()
        if word == "sec" and following and (ROMAN.match(following) or following.isdigit()):
            places.append(f"section {following.upper()}")
            index += 2
        elif word == "sec":
            index += 1
        elif numbered:
            place = f"{word} {following.upper()}"
            if places and places[-1] == word:  # "annex", then its own heading "annex I"
                places[-1] = place
            else:
                places.append(place)
            index += 2
        else:
            places.append(word)
            index += 1
    return ", ".join(places)


def key_parts(key: str) -> KeyParts | None:
    match = KEY_TAIL.search(key)
    if match is None or not KEY_SHAPE.match(key):
        return None
    return KeyParts(
        where=_where(key[: match.start()]),
        kind=match.group("kind"),
        number=int(match.group("number")),
        letter=match.group("letter"),
        item=match.group("item") or "",
        repeat=int(match.group("repeat") or 0),
    )


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
        label = f"{ordinal_words(parts.number)} preambular paragraph{_sub_numbers(parts)}"
    elif parts.kind == "p":
        label = f"{ordinal_words(parts.number)} paragraph{_sub_numbers(parts)}"
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
    return "…" + (match.group(0).lstrip("-") if match else key[-(longest - 1):])


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
