"""Annotated resolution text: footnote markers and citation links laid over escaped text (pure: no ORM).

Texts come from documents we do not control, so every character of them is
escaped; the only markup in the result is ours: ``<em>`` for the opening
phrase, ``<i>`` for the source's own italics, ``<a>`` for citations, ``<sup><a>`` for footnote markers. Spans that
fall outside the text, overlap an earlier citation or cut through a marker are
clipped or dropped rather than producing broken HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Marker:
    """A footnote marker to place at ``offset`` in the text."""

    offset: int | None  # None: at the end of the text
    label: str  # "1", "*"
    href: str  # "#fn-1"
    anchor: str  # id of the marker itself, the footnote's way back: "fnref-1"


@dataclass(frozen=True)
class Link:
    """A citation: text[start:end] becomes a link."""

    start: int
    end: int
    href: str
    title: str  # "A/RES/68/131 in this archive", "A/68/169 at undocs.org"
    external: bool = False


def _clean_links(text: str, links: list[Link]) -> list[Link]:
    """Links inside the text, in order, without overlaps (the first one wins)."""
    kept: list[Link] = []
    last_end = 0
    for link in sorted(links, key=lambda item: (item.start, -item.end)):
        start, end = max(0, link.start), min(len(text), link.end)
        if start >= end or start < last_end:
            continue
        kept.append(Link(start, end, link.href, link.title, link.external))
        last_end = end
    return kept


def _marker_offset(offset: int | None, length: int, links: list[Link]) -> int:
    """Where a marker goes: its offset, clamped to the text, moved out of any link it would split."""
    position = length if offset is None else min(max(offset, 0), length)
    for link in links:
        if link.start < position < link.end:
            return link.end
    return position


def _link_open(link: Link) -> str:
    rel = ' rel="external"' if link.external else ""
    return f'<a class="citation" href="{escape(link.href)}" title="{escape(link.title)}"{rel}>'


def _marker_html(marker: Marker) -> str:
    return (
        f'<sup class="fn-ref"><a id="{escape(marker.anchor)}" href="{escape(marker.href)}" '
        f'aria-label="Footnote {escape(marker.label)}">{escape(marker.label)}</a></sup>'
    )


def _spans(text: str, opening_phrase: str, emphasis) -> list[tuple[int, int, str]]:
    """The italic spans, clipped to the text: the opening phrase (``em``), then the source's own italics (``i``)."""
    spans = [(0, len(opening_phrase), "em")] if opening_phrase and text.startswith(opening_phrase) else []
    spans += [(max(0, start), min(len(text), end), "i") for start, end in emphasis]
    return [(start, end, tag) for start, end, tag in spans if start < end]


def annotate(text: str, *, opening_phrase: str = "", emphasis=(), links=(), markers=()) -> SafeString:
    """The paragraph (or footnote) text as HTML: escaped, with the opening phrase in ``<em>``, the source's
    italics (``emphasis``: (start, end) spans, e.g. a report's title in a footnote) in ``<i>``, citations as
    links and footnote markers as superscript links.

    Italics close and reopen around every link edge and marker, so the tags always nest.
    """
    links = _clean_links(text, list(links))
    inserts: dict[int, list[str]] = {}
    for marker in markers:
        inserts.setdefault(_marker_offset(marker.offset, len(text), links), []).append(_marker_html(marker))
    spans = _spans(text, opening_phrase, emphasis)
    starts = {link.start: link for link in links}
    ends = {link.end for link in links}
    edges = {edge for start, end, _ in spans for edge in (start, end)}
    boundaries = sorted({0, len(text), *inserts, *starts, *ends, *edges})

    out: list[str] = []
    open_tag = ""
    for here, following in zip(boundaries, [*boundaries[1:], len(text)], strict=False):
        tag = next((tag for start, end, tag in spans if start <= here < end), "") if here < following else ""
        if open_tag and (tag != open_tag or here in starts or here in ends or here in inserts):
            out.append(f"</{open_tag}>")
            open_tag = ""
        if here in ends:
            out.append("</a>")
        out.extend(inserts.get(here, ()))
        if here in starts:
            out.append(_link_open(starts[here]))
        if tag and not open_tag:
            out.append(f"<{tag}>")
            open_tag = tag
        out.append(escape(text[here:following]))
    if open_tag:
        out.append(f"</{open_tag}>")
    return mark_safe("".join(out))


def citing_sentence(text: str, start: int, end: int, *, limit: int = 240) -> tuple[str, str, str]:
    """The sentence around text[start:end], as (before, cited, after), shortened to about ``limit``
    characters with an ellipsis where it was cut. Resolution paragraphs are one long sentence,
    so clauses (';') count as sentence breaks too."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    breaks = (". ", "; ", ": ")
    sentence_start = max((text.rfind(b, 0, start) + len(b) for b in breaks if text.rfind(b, 0, start) >= 0), default=0)
    following = [text.find(b, end) for b in breaks if text.find(b, end) >= 0]
    sentence_end = min(following) + 1 if following else len(text)
    before, cited, after = text[sentence_start:start], text[start:end], text[end:sentence_end]
    room = max(limit - len(cited), 40)
    half = room // 2
    if len(before) > half:  # cut at a word boundary
        kept = before[-half:]
        before = "…" + (kept.split(" ", 1)[1] if " " in kept[:-1] else kept).lstrip()
    if len(after) > half:
        kept = after[:half]
        after = (kept.rsplit(" ", 1)[0] if " " in kept[1:] else kept).rstrip(" ,;:") + "…"
    return before, cited, after


def quoted_citation(text: str, start: int, end: int) -> SafeString:
    """The citing sentence, escaped, the citation itself in <mark>."""
    before, cited, after = citing_sentence(text, start, end)
    return format_html("{}<mark>{}</mark>{}", before, cited, after)
