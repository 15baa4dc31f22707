"""Citations as the pages show them: the link of a citation, the quotes of the resolutions citing one,
and a range of paragraphs cited together."""

from __future__ import annotations

from dataclasses import dataclass

from resolutions.models import Citation, Paragraph, Resolution
from resolutions.reference import permalinks
from resolutions.web.languages import TextLanguage
from resolutions.web.presenters.resolutions import official_url
from resolutions.web.rendering import Link, quoted_citation


def citation_link(citation: Citation) -> Link:
    """Into the archive when it holds the target, to the paragraph named when it holds that too
    (``citation`` as the citation selectors read it, with ``paragraph_held``); else undocs.org."""
    if not citation.target_id:
        symbol = citation.target_symbol
        return Link(citation.start, citation.end, official_url(symbol), f"{symbol} at undocs.org", external=True)
    symbol = citation.target.symbol
    if citation.target_paragraph and citation.paragraph_held:
        href = permalinks.paragraph_url(symbol, citation.target_paragraph)
        title = f"{symbol}, {permalinks.paragraph_label(citation.target_paragraph)}, in this archive"
    else:
        href, title = permalinks.resolution_url(symbol), f"{symbol} in this archive"
    return Link(citation.start, citation.end, href, title)


def links_by(citations: list[Citation], attribute: str) -> dict[int, list[Link]]:
    """The citations' links grouped by the paragraph (``"paragraph_id"``) or note (``"footnote_id"``)
    they stand in."""
    links: dict[int, list[Link]] = {}
    for citation in citations:
        owner = getattr(citation, attribute)
        if owner:
            links.setdefault(owner, []).append(citation_link(citation))
    return links


def cited_by(citations) -> list[dict]:
    """The citing resolutions, each with its citing sentences quoted and linked to where they stand
    (``citations`` as ``citing_list`` reads them)."""
    grouped: dict[int, dict] = {}
    for citation in citations:
        source = grouped.setdefault(citation.resolution_id, {"resolution": citation.resolution, "quotes": []})
        source["quotes"].append(_quote(citation))
    return list(grouped.values())


def _quote(citation: Citation) -> dict:
    """The citing sentence, where it stands (a paragraph's page, or a note on the resolution page), and its label."""
    symbol = citation.resolution.symbol
    if citation.paragraph_id:
        text, language = citation.paragraph.text, citation.paragraph.language
        where = permalinks.paragraph_url(symbol, citation.paragraph.key)
        label = permalinks.paragraph_title(citation.paragraph.key)
    else:
        text, language = citation.footnote.text, citation.footnote.language
        where = permalinks.resolution_url(symbol) + f"#fn-{citation.footnote.order}"
        label = f"Footnote {citation.footnote.marker}"
    return {
        "html": quoted_citation(text, citation.start, citation.end),
        "url": where,
        "label": label,
        "language": TextLanguage(language),  # the citing text's (citations are read in English)
    }


@dataclass(frozen=True)
class CitedRange:
    """A range of paragraphs cited together ("paras. 3–5"): this page shows the first."""

    last_title: str
    rest: list[tuple[str, str]]  # (label, url) of the paragraphs after the first, through the last
    error: str = ""


def cited_range(resolution: Resolution, paragraphs: list[Paragraph], index: int, through: str) -> CitedRange | None:
    """The range from ``paragraphs[index]`` through the key ``through`` (set by /cite/ for "paras. 3–5"),
    or None when none was asked for."""
    if not through:
        return None
    first = paragraphs[index]
    last_index = next((i for i, item in enumerate(paragraphs) if item.key == through), None)
    if last_index is None or last_index <= index:
        return CitedRange(
            "",
            [],
            f"The range asked for ends at “{through}”, which does not follow this paragraph in {resolution.symbol}.",
        )
    rest = [
        (permalinks.paragraph_label(item.key), permalinks.paragraph_url(resolution.symbol, item.key))
        for item in paragraphs[index + 1 : last_index + 1]
        if item.parent_id == first.parent_id
    ]
    return CitedRange(permalinks.paragraph_title(through), rest)
