"""Annotated resolution text: footnote markers and citation links laid over escaped text (pure: no ORM).

Texts come from documents we do not control, so every character of them is
escaped; the only markup in the result is ours: ``<em>`` for the opening
phrase, ``<a>`` for citations, ``<sup><a>`` for footnote markers. Spans that
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


def annotate(text: str, *, opening_phrase: str = "", links=(), markers=()) -> SafeString:
    """The paragraph (or footnote) text as HTML: escaped, with the opening phrase in italics,
    citations as links and footnote markers as superscript links."""
    links = _clean_links(text, list(links))
    inserts: dict[int, list[str]] = {}
    for marker in markers:
        inserts.setdefault(_marker_offset(marker.offset, len(text), links), []).append(_marker_html(marker))
    emphasis_end = len(opening_phrase) if opening_phrase and text.startswith(opening_phrase) else 0
    for link in links:  # the italics stop where a citation begins, so tags always nest
        emphasis_end = min(emphasis_end, link.start)
    starts = {link.start: link for link in links}
    ends = {link.end for link in links}
    boundaries = sorted({0, len(text), emphasis_end, *inserts, *starts, *ends})

    out: list[str] = []
    for here, following in zip(boundaries, [*boundaries[1:], len(text)], strict=False):
        if here in ends:
            out.append("</a>")
        if emphasis_end and here == emphasis_end:
            out.append("</em>")
        out.extend(inserts.get(here, ()))
        if emphasis_end and here == 0:
            out.append("<em>")
        if here in starts:
            out.append(_link_open(starts[here]))
        out.append(escape(text[here:following]))
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
