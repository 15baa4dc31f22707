"""What a load did (or, planned, would do) to one resolution, in a line for the person importing."""

from __future__ import annotations

from dataclasses import dataclass, field

from resolutions.store.provenance import CHANGED, MOVED, REMOVED, ParagraphChange

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SOURCE_ADDED = "source added"  # kept as one more source; the text still comes from a source of higher precedence


@dataclass
class LoadResult:
    symbol: str
    outcome: str  # CREATED / UPDATED / UNCHANGED / SOURCE_ADDED
    paragraphs: int = 0
    resolution_id: int | None = None
    gives_text: bool = True  # False: the source was kept, the text comes from one of higher precedence
    kept: list[str] = field(default_factory=list)  # metadata kept from earlier sources (this one lacks it)
    filled: list[str] = field(default_factory=list)  # metadata this source added where the archive had none
    changes: list[ParagraphChange] = field(default_factory=list)  # what the new text does to paragraph addresses
    warnings: list[str] = field(default_factory=list)  # the paragraphs of one language not aligned with the English

    def describe(self) -> str:
        """One line for the person importing: 'updated (14 paragraphs; kept from earlier sources: votes, committee)'."""
        notes = [f"{self.paragraphs} paragraphs"]
        if not self.gives_text:
            notes.append("text kept from a source of higher precedence")
        if self.filled:
            notes.append("added: " + ", ".join(self.filled))
        if self.kept:
            notes.append("kept from earlier sources: " + ", ".join(self.kept))
        moved = sum(change.kind == MOVED for change in self.changes)
        changed = sum(change.kind in (CHANGED, REMOVED) for change in self.changes)
        if moved:
            notes.append(f"{moved} paragraph address{'es' if moved > 1 else ''} moved (the old ones redirect)")
        if changed:
            notes.append(
                f"{changed} paragraph text{'s' if changed > 1 else ''} changed or removed (kept as earlier versions)"
            )
        return f"{self.outcome} ({'; '.join(notes)})"
