"""Agreed language shaped for its pages: a comparison as tracked changes (insertions and deletions marked,
moved paragraphs named, unchanged runs folded), a paragraph's history, and the wordings found elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape as _escape  # what django.utils.html.escape does, without its lazy-text wrapper per call

from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.lineage.align import EDITED, MERGED, NEW, SPLIT, VERBATIM
from resolutions.lineage.diff import DELETE, INSERT, Change, changed_words, word_diff
from resolutions.models import Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.reference.paragraph_keys import KEY_SHAPE
from resolutions.reference.record_metadata import adoption_of
from resolutions.search.compile import Highlight
from resolutions.search.highlight import highlight_whole
from resolutions.web.presenters.resolutions import date_text
from resolutions.web.selectors.lineage import ComparedParagraph, Comparison, Found, HistoryEntry

_TAGS = {DELETE: "del", INSERT: "ins"}
ADOPTED = {"recorded": "by a recorded vote", "without": "without a vote", "": "adoption not recorded"}


def tracked_changes(old: str, new: str) -> SafeString:
    """``new`` as tracked changes from ``old``: deletions in <del>, insertions in <ins>, the rest escaped."""
    return _marked(word_diff(old, new))


def _marked(changes: list[Change]) -> SafeString:
    return mark_safe(
        "".join(
            f"<{_TAGS[c.op]}>{_escape(c.text)}</{_TAGS[c.op]}>" if c.op in _TAGS else _escape(c.text) for c in changes
        )
    )


@dataclass(frozen=True)
class ParagraphRef:
    key: str
    url: str

    @property
    def label(self) -> str:
        """'operative paragraph 5'."""
        return permalinks.paragraph_label(self.key)


def _ref(resolution: Resolution, paragraph: Paragraph) -> ParagraphRef:
    return ParagraphRef(paragraph.key, permalinks.paragraph_url(resolution.symbol, paragraph.key))


class _Refs:
    """The addresses of one resolution's paragraphs, its own address reversed once: a comparison has hundreds."""

    def __init__(self, resolution: Resolution):
        self.symbol = resolution.symbol
        self.prefix = permalinks.resolution_url(resolution.symbol)

    def __call__(self, paragraph: Paragraph | ComparedParagraph) -> ParagraphRef:
        if KEY_SHAPE.match(paragraph.key):  # letters, digits, dots, hyphens: nothing to quote in an address
            return ParagraphRef(paragraph.key, f"{self.prefix}{paragraph.key}/")
        return ParagraphRef(paragraph.key, permalinks.paragraph_url(self.symbol, paragraph.key))


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
    fold_summary: str = ""  # the first of a run of unchanged paragraphs, folded: "2 unchanged paragraphs: pp1–pp2"
    fold_end: bool = False  # the last of such a run

    @property
    def anchor(self) -> str:
        """The row's fragment: the key of its (first) later paragraph."""
        return self.later[0].key

    @property
    def renumbered(self) -> bool:
        return [r.key for r in self.earlier] != [r.key for r in self.later]

    @property
    def head(self) -> SafeString:
        """ "op10 — edited (2 words deleted, 5 inserted) op5 moved (was op5)": which paragraph, how it came
        about and from where. Built here rather than in the template: a comparison has hundreds of rows, and
        the template language's conditions and loops cost a long comparison more than the rest of its page."""
        parts = [" + ".join(_link(ref) for ref in self.later), " — ", _RELATION_LABELS[self.relation]]
        if self.relation == EDITED:
            parts.append(
                f" ({self.words_deleted} word{'' if self.words_deleted == 1 else 's'} deleted,"
                f" {self.words_inserted} inserted)"
            )
        joined = self.relation in (SPLIT, MERGED)
        if self.earlier and (joined or self.renumbered or self.moved):
            parts += [" ", " + ".join(_link(ref) for ref in self.earlier)]
        if self.moved:
            parts.append(' <strong class="moved-mark">moved</strong>')
            if self.earlier:
                parts.append(f" (was {_escape(self.earlier[0].key)})")
        elif self.earlier and self.renumbered and not joined:
            parts.append(f' <span class="renumbered">(renumbered from {_escape(self.earlier[0].key)})</span>')
        return mark_safe("".join(parts))

    @property
    def markup(self) -> SafeString:
        """The whole row, folded runs opened and closed around it: a comparison's page is hundreds of these,
        so each is one string rather than a template fragment of lookups and conditions."""
        moved = " moved" if self.moved else ""
        row = (
            f'<div class="change {self.relation}{moved}" id="{_escape(self.anchor)}"><p class="change-head">'
            f'{self.head}</p><p class="change-text">{self.html}</p></div>'
        )
        if self.fold_summary:
            row = f'<details class="unchanged"><summary>{_escape(self.fold_summary)}</summary>{row}'
        return mark_safe(row + "</details>\n" if self.fold_end else row + "\n")


_RELATION_LABELS = {VERBATIM: "unchanged", EDITED: "edited", SPLIT: "split from", MERGED: "merged from", NEW: "new"}


def _link(ref: ParagraphRef) -> str:
    return f'<a href="{_escape(ref.url)}">{_escape(ref.key)}</a>'


@dataclass
class ComparedPage:
    rows: list[ComparedRow]  # in the later resolution's order, runs of unchanged ones marked to be folded
    dropped: list[tuple[ParagraphRef, str]]
    counts: dict[str, int]

    @property
    def rows_markup(self) -> SafeString:
        """Every row's markup in one string: a template loop over hundreds of rows costs a long comparison
        more than building them."""
        return mark_safe("".join(row.markup for row in self.rows))


def compared_page(comparison: Comparison) -> ComparedPage:
    """Every paragraph of the later resolution in its order, against what it descends from in the earlier:
    a word diff only for the rows whose texts differ, runs of unchanged paragraphs folded."""
    old, new = comparison.earlier_paragraphs, comparison.later_paragraphs
    earlier_ref, later_ref = _Refs(comparison.earlier), _Refs(comparison.later)
    rows: list[ComparedRow] = []
    unchanged_runs: list[list[int]] = []
    counts = {VERBATIM: 0, EDITED: 0, SPLIT: 0, MERGED: 0, NEW: 0, "moved": 0}
    for link in comparison.alignment.links:
        earlier = [old[i] for i in link.old]
        later = [new[j] for j in link.new]
        earlier_text, later_text = " ".join(p.text for p in earlier), " ".join(p.text for p in later)
        if link.relation == NEW:
            html, deleted, inserted = mark_safe(f"<ins>{_escape(later_text)}</ins>"), 0, 0
        elif earlier_text == later_text:  # printed alike: nothing to mark (most unchanged paragraphs)
            html, deleted, inserted = mark_safe(_escape(later_text)), 0, 0
        else:  # the one word diff of the row, marked and counted
            changes = word_diff(earlier_text, later_text)
            html, (deleted, inserted) = _marked(changes), changed_words(changes)
        counts[link.relation] += len(later)
        counts["moved"] += link.moved
        if link.relation == VERBATIM and not link.moved:
            if not unchanged_runs or unchanged_runs[-1][-1] != len(rows) - 1:
                unchanged_runs.append([])
            unchanged_runs[-1].append(len(rows))
        rows.append(
            ComparedRow(
                link.relation,
                link.moved,
                [earlier_ref(p) for p in earlier],
                [later_ref(p) for p in later],
                html,
                link.similarity,
                deleted,
                inserted,
            )
        )
    for run in unchanged_runs:
        rows[run[0]] = replace(rows[run[0]], fold_summary=_fold_summary([rows[k] for k in run]))
        rows[run[-1]] = replace(rows[run[-1]], fold_end=True)
    dropped = [(earlier_ref(old[i]), old[i].text) for i in comparison.alignment.dropped]
    counts["dropped"] = len(dropped)
    return ComparedPage(rows, dropped, counts)


def _fold_summary(run: list[ComparedRow]) -> str:
    first, last = run[0].later[0].key, run[-1].later[0].key
    if len(run) == 1:
        return f"1 unchanged paragraph: {first}"
    return f"{len(run)} unchanged paragraphs: {first}–{last}"


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


def found_rows(found: list[Found], asked: str, *, phrase: bool, marks: Highlight | None = None) -> list[FoundRow]:
    """The found paragraphs as the page lists them: a near repeat with its differences from the wording asked
    marked, a phrase's paragraph with the phrase marked where it stands (``marks``), an exact repeat as is."""
    rows = []
    for item in found:
        paragraph, resolution = item.paragraph, item.paragraph.resolution
        if phrase:
            marked = highlight_whole(paragraph.text, marks) if marks else escape(paragraph.text)
        else:
            marked = escape(paragraph.text) if item.exact else tracked_changes(asked, paragraph.text)
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


@dataclass(frozen=True)
class FoundPaging:
    first: int  # the number of the first wording shown (1-based)
    last: int
    previous_url: str  # "" on the first page
    next_url: str  # "" on the last


def found_paging(*, total: int, page: int, per_page: int, query: QueryDict) -> FoundPaging | None:
    """Which of the ``total`` found wordings page ``page`` shows, with the addresses of the pages around it
    (the same query, another page); None for a page past the last."""
    pages = max(1, -(-total // per_page))
    if page > pages:
        return None

    def url(number: int) -> str:
        others = query.copy()
        others.pop("page", None)
        if number > 1:
            others["page"] = str(number)
        return "?" + others.urlencode()

    return FoundPaging(
        (page - 1) * per_page + 1 if total else 0,
        min(total, page * per_page),
        url(page - 1) if page > 1 else "",
        url(page + 1) if page < pages else "",
    )
