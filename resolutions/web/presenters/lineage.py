"""Agreed language shaped for its pages: a comparison as tracked changes (insertions and deletions marked,
moved paragraphs named, unchanged runs folded), a paragraph's history, and the wordings found elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.lineage.align import EDITED, MERGED, NEW, SPLIT, VERBATIM
from resolutions.lineage.diff import DELETE, INSERT, Change, changed_words, word_diff
from resolutions.models import Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.reference.record_metadata import adoption_of
from resolutions.web.presenters.resolutions import date_text
from resolutions.web.selectors.lineage import Comparison, Found, HistoryEntry

_TAGS = {DELETE: "del", INSERT: "ins"}
ADOPTED = {"recorded": "by a recorded vote", "without": "without a vote", "": "adoption not recorded"}


def tracked_changes(old: str, new: str) -> SafeString:
    """``new`` as tracked changes from ``old``: deletions in <del>, insertions in <ins>, the rest escaped."""
    return _marked(word_diff(old, new))


def _marked(changes: list[Change]) -> SafeString:
    return mark_safe(
        "".join(
            f"<{_TAGS[c.op]}>{escape(c.text)}</{_TAGS[c.op]}>" if c.op in _TAGS else escape(c.text) for c in changes
        )
    )


@dataclass(frozen=True)
class ParagraphRef:
    key: str
    label: str  # "operative paragraph 5"
    url: str


def _ref(resolution: Resolution, paragraph: Paragraph) -> ParagraphRef:
    return ParagraphRef(
        paragraph.key,
        permalinks.paragraph_label(paragraph.key),
        permalinks.paragraph_url(resolution.symbol, paragraph.key),
    )


@dataclass(frozen=True)
class ComparedRow:
    relation: str
    moved: bool
    earlier: list[ParagraphRef]
    later: list[ParagraphRef]
    html: SafeString  # tracked changes (or the text, for verbatim and new paragraphs)
    similarity: float
    words_deleted: int = 0
    words_inserted: int = 0

    @property
    def renumbered(self) -> bool:
        return [r.key for r in self.earlier] != [r.key for r in self.later]


@dataclass
class Fold:
    """Consecutive unchanged paragraphs, shown folded."""

    rows: list[ComparedRow] = field(default_factory=list)


@dataclass
class ComparedPage:
    blocks: list[ComparedRow | Fold]
    dropped: list[tuple[ParagraphRef, str]]
    counts: dict[str, int]


def compared_page(comparison: Comparison) -> ComparedPage:
    """Every paragraph of the later resolution in its order, against what it descends from in the earlier."""
    old, new = comparison.earlier_paragraphs, comparison.later_paragraphs
    blocks: list[ComparedRow | Fold] = []
    counts = {VERBATIM: 0, EDITED: 0, SPLIT: 0, MERGED: 0, NEW: 0, "moved": 0}
    for link in comparison.alignment.links:
        earlier = [old[i] for i in link.old]
        later = [new[j] for j in link.new]
        earlier_text, later_text = " ".join(p.text for p in earlier), " ".join(p.text for p in later)
        if link.relation == NEW:
            html, deleted, inserted = mark_safe(f"<ins>{escape(later_text)}</ins>"), 0, 0
        elif earlier_text == later_text:  # printed alike: nothing to mark (most unchanged paragraphs)
            html, deleted, inserted = escape(later_text), 0, 0
        else:  # the one word diff of the row, marked and counted
            changes = word_diff(earlier_text, later_text)
            html, (deleted, inserted) = _marked(changes), changed_words(changes)
        row = ComparedRow(
            link.relation,
            link.moved,
            [_ref(comparison.earlier, p) for p in earlier],
            [_ref(comparison.later, p) for p in later],
            html,
            link.similarity,
            deleted,
            inserted,
        )
        counts[link.relation] += len(later)
        counts["moved"] += link.moved
        if link.relation == VERBATIM and not link.moved:
            if not blocks or not isinstance(blocks[-1], Fold):
                blocks.append(Fold())
            blocks[-1].rows.append(row)
        else:
            blocks.append(row)
    dropped = [(_ref(comparison.earlier, old[i]), old[i].text) for i in comparison.alignment.dropped]
    counts["dropped"] = len(dropped)
    return ComparedPage(blocks, dropped, counts)


@dataclass(frozen=True)
class HistoryRow:
    symbol: str
    resolution_url: str
    adopted: str
    ref: ParagraphRef
    relation: str
    moved: bool
    html: SafeString  # tracked changes from the entry before (its text when unchanged or first)
    here: bool


def history_rows(entries: list[HistoryEntry], here: Paragraph) -> list[HistoryRow]:
    """A paragraph's history, oldest first, each entry with its edit from the one before."""
    rows = []
    for entry in entries:
        paragraph, resolution = entry.paragraph, entry.paragraph.resolution
        changed = entry.relation in (EDITED, SPLIT, MERGED)
        rows.append(
            HistoryRow(
                resolution.symbol,
                permalinks.resolution_url(resolution.symbol),
                date_text(resolution.adopted_on),
                _ref(resolution, paragraph),
                entry.relation,
                entry.moved,
                tracked_changes(entry.earlier_text, paragraph.text) if changed else escape(paragraph.text),
                paragraph.pk == here.pk,
            )
        )
    return rows


def history_summary(rows: list[HistoryRow]) -> dict:
    """First adopted in …, changed in … , unchanged since …, for the sentence above the history."""
    if len(rows) < 2:
        return {}
    changed = [row for row in rows[1:] if row.relation != VERBATIM]
    last_change = changed[-1] if changed else rows[0]
    unchanged_since = last_change if last_change is not rows[-1] else None
    return {"first": rows[0], "changed": changed, "unchanged_since": unchanged_since}


@dataclass(frozen=True)
class FoundRow:
    symbol: str
    citation: str  # "A/RES/70/126, op. 5"
    url: str
    body: str
    adopted: str
    adopted_iso: str
    how_adopted: str
    similarity: int  # per cent
    exact: bool
    html: SafeString  # the found text, with the differences from the wording asked marked


def found_rows(found: list[Found], asked: str, *, phrase: bool) -> list[FoundRow]:
    rows = []
    for item in found:
        paragraph, resolution = item.paragraph, item.paragraph.resolution
        marked = escape(paragraph.text) if item.exact or phrase else tracked_changes(asked, paragraph.text)
        rows.append(
            FoundRow(
                resolution.symbol,
                permalinks.un_style_citation(resolution.body.name, resolution.number, paragraph.key),
                permalinks.paragraph_url(resolution.symbol, paragraph.key),
                resolution.body.name,
                date_text(resolution.adopted_on),
                resolution.adopted_on.isoformat() if resolution.adopted_on else "",
                ADOPTED[adoption_of(resolution.metadata or {}, 0)],
                round(item.similarity * 100),
                item.exact,
                marked,
            )
        )
    return rows
