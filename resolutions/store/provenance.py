"""Which of a resolution's sources gives its text, and what a new text would change (pure: no ORM).

A resolution may be imported from several sources: the UN's AKN XML, the
official PDF, text extracted from a PDF by some tool, a scan read by OCR, a
curator's correction. Every one is kept (``models.ResolutionSource``, with
what it gave as parsed); one gives the text, by this rule:

1. the source a curator pinned (``Resolution.source_pin``, its SHA-256) wins;
   a curator's correction is pinned when it is made;
2. otherwise the most authoritative format: AKN (the UN's own structured
   text) over the official PDF (its text layer) over text extracted from a
   PDF or another rendering, over a scan read by OCR; a correction no longer
   pinned ranks below them all (unpinning it gives the text back to the
   sources);
3. between two sources of the same rank, the later import wins (a
   re-issued or corrected file of the same kind).

A pin changed by a curator takes effect at once, from the stored content
of the pinned source (``resolutions.store.curation``), without reading the
file again.

A source that does not give the text still adds what it knows that the
archive lacks: metadata (recorded votes, sponsors, committee, agenda item…)
is filled from it where empty, and never erased by a source that lacks it.

When a new text is applied, ``paragraph_changes`` says what it does to each
paragraph address: a text that moved to another key (its old address
redirects there), a text that changed or went (its old text is kept as a
dated earlier version), a paragraph added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resolutions.ingest.document import OCR_FORMAT

CORRECTION_FORMAT = "correction"  # a curator's correction of a paragraph: a source of its own

# Higher gives the text; formats not named (the archive's own JSON carries its original source's format, and a
# curator's correction counts only while pinned) rank lowest.
FORMAT_PRECEDENCE = {
    "akn": 40,
    "pdf": 30,
    "pdf-text": 20,
    "ods-text": 20,
    "markdown": 20,
    "plain-text": 20,
    OCR_FORMAT: 10,
}


@dataclass(frozen=True)
class SourceRef:
    format: str
    sha256: str


def precedence(source: SourceRef, pin: str = "") -> tuple[int, int]:
    """The source's rank under the rule above: (pinned, format rank)."""
    return (1 if pin and source.sha256 == pin else 0, FORMAT_PRECEDENCE.get(source.format, 0))


def text_source(sources: list[tuple[SourceRef, dt.datetime]], pin: str = "") -> SourceRef | None:
    """Which of ``sources`` (each with when it was imported) gives the text under the rule: the highest
    precedence, the later import between equals; None when there are none."""
    if not sources:
        return None
    return max(sources, key=lambda item: (precedence(item[0], pin), item[1]))[0]


def gives_text(candidate: SourceRef, current: SourceRef | None, pin: str = "") -> bool:
    """Does ``candidate``, imported now, give the text instead of ``current`` (the source giving it so far)?"""
    if current is None or candidate.sha256 == current.sha256:
        return True
    return precedence(candidate, pin) >= precedence(current, pin)


ADDED, CHANGED, MOVED, REMOVED = "added", "changed", "moved", "removed"


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # ADDED, CHANGED (same key, new text), MOVED (same text, new key), REMOVED
    key: str  # the key before (the new key for ADDED)
    old_text: str = ""
    new_key: str = ""  # where a MOVED text went
    new_text: str = ""


def _comparable(text: str) -> str:
    return " ".join(text.split())


def paragraph_changes(old: list[tuple[str, str]], new: list[tuple[str, str]]) -> list[ParagraphChange]:
    """What replacing paragraphs ``old`` by ``new`` (both ``(key, text)`` in document order) does to each address.

    A key kept with the same text (spacing aside) is no change. A key that goes
    while its text stays under a key that is new is MOVED; a key kept with
    another text is CHANGED; a key that goes with its text is REMOVED.
    """
    old_by_key = dict(old)
    new_by_key = dict(new)
    arrived = {_comparable(text): key for key, text in new if key not in old_by_key}
    changes: list[ParagraphChange] = []
    for key, text in old:
        if key in new_by_key:
            if _comparable(new_by_key[key]) != _comparable(text):
                changes.append(ParagraphChange(CHANGED, key, text, key, new_by_key[key]))
        elif _comparable(text) in arrived:
            moved_to = arrived.pop(_comparable(text))
            changes.append(ParagraphChange(MOVED, key, text, moved_to, new_by_key[moved_to]))
        else:
            changes.append(ParagraphChange(REMOVED, key, text))
    taken = {change.new_key for change in changes if change.kind == MOVED}
    changes += [
        ParagraphChange(ADDED, key, new_text=text) for key, text in new if key not in old_by_key and key not in taken
    ]
    return changes


def describe_changes(changes: list[ParagraphChange], width: int = 100) -> list[str]:
    """The changes as diff lines for a person: '~ op5: "old…" -> "new…"', '> p1 -> op1', '- op9: "…"', '+ op10: "…"'."""

    def cut(text: str) -> str:
        text = _comparable(text)
        return repr(text if len(text) <= width else text[: width - 1] + "…")

    lines = []
    for change in changes:
        if change.kind == CHANGED:
            lines.append(f"~ {change.key}: {cut(change.old_text)} -> {cut(change.new_text)}")
        elif change.kind == MOVED:
            lines.append(f"> {change.key} -> {change.new_key} (same text)")
        elif change.kind == REMOVED:
            lines.append(f"- {change.key}: {cut(change.old_text)}")
        else:
            lines.append(f"+ {change.key}: {cut(change.new_text)}")
    return lines
