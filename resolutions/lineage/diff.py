"""Word-level changes between two texts, as tracked changes: runs kept, deleted and inserted.

Tokens are words and single punctuation marks with the spaces after them, compared without those
spaces, so "floors," → "floors;" is one changed mark, not a changed word. The edit script is the
shortest made of insertions and deletions only (rapidfuzz's Indel), and the changes between two kept
runs are gathered into one deletion followed by one insertion, which reads as tracked changes do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"

_TOKEN_SPLIT = re.compile(r"(\w+|[^\w\s])", re.UNICODE)  # splits a text into spaces, token, spaces, token, …


@dataclass(frozen=True)
class Change:
    op: str  # EQUAL, DELETE or INSERT
    text: str
    # the words (not punctuation marks) of a deletion or insertion, as a reader counts them; a change is its
    # operation and text (the count follows from them)
    words: int = field(default=0, compare=False)


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, each with the spaces around it, that join back into ``text``."""
    parts, bare = _split(text)
    return [_run(parts, i, i + 1) for i in range(len(bare))]


def _split(text: str) -> tuple[list[str], list[str]]:
    """``text`` split once (one call into the regex engine, not a Python step a token) into the spaces and
    tokens alternating, ``[spaces, token, spaces, …, token, spaces]``, and the tokens alone, as compared. A
    text of spaces alone is one token compared as "", so that a diff keeps its spaces."""
    parts = _TOKEN_SPLIT.split(text)
    if len(parts) == 1:
        return (["", text, ""], [""]) if text else (parts, [])
    return parts, parts[1::2]


def _run(parts: list[str], start: int, end: int) -> str:
    """Tokens ``start``…``end - 1`` as printed: each with the spaces after it, the first token with those
    before it too."""
    text = "".join(parts[2 * start + 1 : 2 * end + 1])
    return parts[0] + text if start == 0 else text


def word_diff(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``, word by word; kept runs are given as ``new`` prints them."""
    (old_parts, old_bare), (new_parts, new_bare) = _split(old), _split(new)
    changes: list[Change] = []
    deleted: list[str] = []
    inserted: list[str] = []
    counts = [0, 0]  # words deleted, inserted since the last kept run
    for opcode in Indel.opcodes(old_bare, new_bare):
        if opcode.tag == EQUAL:
            _flush(changes, deleted, inserted, counts)
            changes.append(Change(EQUAL, _run(new_parts, opcode.dest_start, opcode.dest_end)))
        elif opcode.tag == DELETE:
            deleted.append(_run(old_parts, opcode.src_start, opcode.src_end))
            counts[0] += _words(old_bare[opcode.src_start : opcode.src_end])
        else:
            inserted.append(_run(new_parts, opcode.dest_start, opcode.dest_end))
            counts[1] += _words(new_bare[opcode.dest_start : opcode.dest_end])
    _flush(changes, deleted, inserted, counts)
    return [change for change in changes if change.text]


def _words(bare: list[str]) -> int:
    """How many of these tokens are words: a token is a whole run of word characters or one other mark, so a
    word token's first character is a word character (``\\w``: alphanumeric or the underscore)."""
    return sum(1 for token in bare if token[:1].isalnum() or token[:1] == "_")


def _flush(changes: list[Change], deleted: list[str], inserted: list[str], counts: list[int]) -> None:
    if deleted:
        changes.append(Change(DELETE, "".join(deleted), counts[0]))
    if inserted:
        changes.append(Change(INSERT, "".join(inserted), counts[1]))
    deleted.clear()
    inserted.clear()
    counts[:] = [0, 0]


def changed_words(changes: list[Change]) -> tuple[int, int]:
    """(words deleted, words inserted): the size of an edit as a reader counts it (its words, not its marks)."""
    return (
        sum(change.words for change in changes if change.op == DELETE),
        sum(change.words for change in changes if change.op == INSERT),
    )
