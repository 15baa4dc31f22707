"""The one paragraph-key scheme: how a paragraph's key is built and read back (pure: no ORM, no Django).

Every importer (``resolutions.ingest.text`` for the text formats,
``resolutions.ingest.akn``), the permalinks (``resolutions.reference.permalinks``) and
the citations (``resolutions.citations.extract``) build keys with these functions
only, so one paragraph gets one key whichever source it came from, and a
citation "para. 2 (d)" finds the key the importer gave it.

A key is built from what is printed, never from positions in a file's markup:

- preambular paragraphs are unnumbered and keyed by position: ``pp1``, ``pp2``…
- operative paragraphs by their printed number: ``op1``…, a decimal number
  as printed (``op1.1``, an annex numbered by chapter); an operative part
  printed without numbers (a resolution whose only operative paragraph is
  "Adopts the Declaration annexed…") is keyed by position the same way,
  ``op1``, ``op2``…, because that is how it is cited ("para. 1");
- an unnumbered paragraph among numbered ones (a closing line, a list's
  lead-in in an annex) is ``p1``, ``p2``… by position;
- lettered sub-paragraphs add the letter: ``op1a``, ``op1aa``; their roman
  items add ``-`` and the numeral: ``op1a-ii``; a numbered list inside a
  paragraph adds ``-`` and the number: ``op3-2``;
- a number printed twice in one place keeps its key for the first and adds
  ``-r2``, ``-r3``… for the repeats (the ``r`` tells them from a list's points);
- an annex has its own namespace: ``annex-`` + the same scheme; several
  annexes are ``annex-i-``, ``annex-ii-``…;
- a place inside an annex or a resolution where numbering restarts adds
  ``sec-`` and the names of the sections around the paragraph
  (``sec-viii-b-op1``, ``annex-sec-chapter-v-article-35-op1``); a structured
  annex's guideline, principle or conclusion is named alone, as it is cited
  (``annex-sec-guideline-5-op1``: "annex, guideline 5, para. 1"), and its
  unnumbered paragraphs are counted within it; a paragraph's lettered items
  that run on under section headings restarting their letters are keyed in
  their section (``annex-sec-iii-b-op32a``: paragraph 32, section B, (a)).

Keys are lower case ASCII words joined by ``-`` (safe in a URL path as they are).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.reference.numbers import ROMAN_LETTERS_RE, roman_numeral

PREAMBULAR_TAG = "pp"
OPERATIVE_TAG = "op"
UNNUMBERED_TAG = "p"

KEY_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:\.\d+)*(?:-[a-z0-9]+(?:\.\d+)*)*$")
# The paragraph itself, at the end of a key: kind, number (decimal numbering "1.1" kept), letter, roman item, repeat.
KEY_TAIL = re.compile(
    r"(?:^|-)(?P<kind>pp|op|p)(?P<number>\d+(?:\.\d+)*)(?P<letter>[a-z]{0,2}?)(?:-(?P<item>[ivxlc]+|\d+))?"
    r"(?:-r(?P<repeat>\d+))?$"
)


def annex_part(index: int, count: int) -> str:
    """The ``part`` of annex ``index`` (from 1) of ``count``: 'annex' when alone, else 'annex-i', 'annex-ii'…"""
    return "annex" if count == 1 else f"annex-{roman_numeral(index).lower()}"


def annex_part_named(numeral: str | None) -> str:
    """The part a text names: 'annex' for "the annex", 'annex-ii' for "annex II"."""
    return f"annex-{numeral.lower()}" if numeral else "annex"


def place(part: str = "", section: tuple[str, ...] | list[str] = ()) -> str:
    """The prefix of every key in a part and section: '', 'annex-', 'annex-ii-', 'sec-viii-', 'annex-sec-guideline-5-'."""
    prefix = f"{part}-" if part else ""
    names = [slug(name) for name in section if slug(name)]
    if names:
        prefix += "sec-" + "-".join(names) + "-"
    return prefix


def slug(name: str) -> str:
    """A section's name as key words: 'Guideline 5' -> 'guideline-5', 'VIII' -> 'viii', 'Article 35.' -> 'article-35'."""
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def preambular_key(prefix: str, position: int) -> str:
    return f"{prefix}{PREAMBULAR_TAG}{position}"


def operative_key(prefix: str, number: int | str) -> str:
    """'op5'; a decimal number as printed ("1.1", in annexes numbered by chapter) is kept: 'op1.1'."""
    return f"{prefix}{OPERATIVE_TAG}{number}"


def unnumbered_key(prefix: str, position: int) -> str:
    return f"{prefix}{UNNUMBERED_TAG}{position}"


def lettered_key(parent: str, letter: str) -> str:
    """'op1' + 'a' -> 'op1a' (a lettered sub-paragraph)."""
    return f"{parent}{letter}"


def item_key(parent: str, item: str) -> str:
    """'op1a' + 'ii' -> 'op1a-ii' (a roman item); 'op3' + '2' -> 'op3-2' (a numbered list item)."""
    return f"{parent}-{item}"


def repeat_key(key: str, occurrence: int) -> str:
    """The key of the ``occurrence``-th paragraph (from 2) printed with the number of ``key``: 'op4' -> 'op4-r2'.

    The ``r`` keeps a repeat apart from a numbered list item ('op4-2', the second point of paragraph 4).
    """
    return f"{key}-r{occurrence}"


def pinpoint_key(prefix: str, number: int, *, preambular: bool = False, letter: str = "", item: str = "") -> str:
    """The key a citation names: 'para. 5 (b) (ii)' -> 'op5b-ii', 'third preambular paragraph' -> 'pp3'."""
    key = preambular_key(prefix, number) if preambular else operative_key(prefix, number)
    if letter:
        key = lettered_key(key, letter)
        if item:
            key = item_key(key, item)
    return key


def unnumbered_operative_key(prefix: str, position: int, part_is_numbered: bool) -> str:
    """An unnumbered operative paragraph: 'op1' (by position) in a part printed without numbers, 'p1' among numbered ones."""
    return unnumbered_key(prefix, position) if part_is_numbered else operative_key(prefix, position)


@dataclass(frozen=True)
class KeyParts:
    where: str  # "" (the resolution itself), "annex", "annex II", "section VIII", "annex, guideline 5"
    kind: str  # "pp" preambular, "op" operative, "p" unnumbered
    number: str  # as printed: "5", "1.1"
    letter: str  # "", "a"
    item: str  # "", "ii"
    repeat: int  # 0, or 2 for the second paragraph printed with the same number


NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}


def describe_place(prefix: str) -> str:
    """'annex-ii' -> 'annex II'; 'sec-viii' -> 'section VIII'; 'annex-sec-guideline-5' -> 'annex, guideline 5'.

    Numbers are printed as the document prints them: roman numerals in capitals, 'part one' in words.
    """
    tokens = [token for token in prefix.split("-") if token]
    places: list[str] = []
    index = 0
    while index < len(tokens):
        word = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        numbered = ROMAN_LETTERS_RE.match(following) or following.isdigit() or following in NUMBER_WORDS
        shown = following if following in NUMBER_WORDS else following.upper()
        if word == "sec" and following and numbered:
            places.append(f"section {shown}")
            index += 2
        elif word == "sec":
            index += 1
        elif numbered:
            named = f"{word} {shown}"
            if places and places[-1] == word:  # "annex", then its own heading "annex I"
                places[-1] = named
            else:
                places.append(named)
            index += 2
        else:
            places.append(word)
            index += 1
    return ", ".join(places)


def key_parts(key: str) -> KeyParts | None:
    """A key read back into its place and numbers; None when it is not a key of this scheme."""
    match = KEY_TAIL.search(key)
    if match is None or not KEY_SHAPE.match(key):
        return None
    return KeyParts(
        where=describe_place(key[: match.start()]),
        kind=match.group("kind"),
        number=match.group("number"),
        letter=match.group("letter"),
        item=match.group("item") or "",
        repeat=int(match.group("repeat") or 0),
    )


def is_key(text: str) -> bool:
    return KEY_SHAPE.match(text) is not None and KEY_TAIL.search(text) is not None
