"""A resolution's and a paragraph's JSON, read and serialized: what the API's detail views and the permalinks'
``application/json`` answers both return."""

from __future__ import annotations

from resolutions.api import selectors
from resolutions.api.serializers import ParagraphSerializer, ResolutionSerializer
from resolutions.models import Paragraph, Resolution


def resolution_json(request, resolution: Resolution) -> dict:
    """The whole resolution: record, paragraphs, footnotes, citations, votes and links."""
    whole = selectors.resolution_whole(resolution)
    return ResolutionSerializer(whole, context={"request": request}).data


def paragraph_json(request, paragraph: Paragraph) -> dict:
    """One paragraph with the notes printed in it, what it cites, and what cites it."""
    context = {
        "request": request,
        "footnotes": selectors.footnotes_in_paragraph(paragraph),
        "cites": selectors.citations_in_paragraph(paragraph),
        "cited_by": selectors.citations_received(paragraph.resolution, paragraph.key).order_by(
            "resolution__symbol", "start"
        ),
    }
    return ParagraphSerializer(paragraph, context=context).data
