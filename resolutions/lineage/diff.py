"""Word-level changes between two texts, as tracked changes: runs kept, deleted and inserted.

Tokens are words and single punctuation marks with the spaces after them, compared without those
spaces, so "floors," → "floors;" is one changed mark, not a changed word. The edit script is the
shortest made of insertions and deletions only (rapidfuzz's Indel), and the changes between two kept
runs are gathered into one deletion followed by one insertion, which reads as tracked changes do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"

_TOKEN_RE = re.compile(r"(\s*(\w+|[^\w\s])\s*)", re.UNICODE)  # (the token with its spaces, the token)


@dataclass(frozen=True)
class Change:
    op: str  # EQUAL, DELETE or INSERT
    text: str


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, each with the spaces around it, that join back into ``text``."""
    return _tokenised(text)[0]


def _tokenised(text: str) -> tuple[list[str], list[str]]:
    """The tokens (with their spaces) and the same tokens as compared (without), in one pass."""
    pairs = _TOKEN_RE.findall(text)  # one call into the regex engine, not a Python step a token
    found, bare = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
    joined = sum(map(len, found))
    if joined != len(text):  # only spaces are left over: keep them, so that the tokens join back into the text
        found.append(text[joined:])
        bare.append("")
    return found, bare


def word_diff(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``, word by word; kept runs are given as ``new`` prints them."""
    (old_tokens, old_bare), (new_tokens, new_bare) = _tokenised(old), _tokenised(new)
    changes: list[Change] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for opcode in Indel.opcodes(old_bare, new_bare):
        if opcode.tag == EQUAL:
            _flush(changes, deleted, inserted)
            changes.append(Change(EQUAL, "".join(new_tokens[opcode.dest_start : opcode.dest_end])))
        elif opcode.tag == DELETE:
            deleted += old_tokens[opcode.src_start : opcode.src_end]
        else:
            inserted += new_tokens[opcode.dest_start : opcode.dest_end]
    _flush(changes, deleted, inserted)
    return [change for change in changes if change.text]


def _flush(changes: list[Change], deleted: list[str], inserted: list[str]) -> None:
    if deleted:
        changes.append(Change(DELETE, "".join(deleted)))
    if inserted:
        changes.append(Change(INSERT, "".join(inserted)))
    deleted.clear()
    inserted.clear()


def changed_words(changes: list[Change]) -> tuple[int, int]:
    """(words deleted, words inserted): the size of an edit as a reader counts it."""
    count = {DELETE: 0, INSERT: 0}
    for change in changes:
        if change.op in count:
            count[change.op] += len(re.findall(r"\w+", change.text))
    return count[DELETE], count[INSERT]
