"""The citation basket as a Word document (python-docx): each paragraph collected, with its text, its
citation in UN style and its permalink, in the order they were collected."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt

from resolutions.exports.cited import Cited
from resolutions.exports.styles import un_style

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXTENSION = "docx"
TITLE = "Citation basket"


def introduction(count: int, site: str, day_text: str) -> str:
    """'2 paragraphs from the Resolutions Archive (https://…), exported on 7 December 2026.'"""
    noun = "paragraph" if count == 1 else "paragraphs"
    return f"{count} {noun} from the Resolutions Archive ({site}), exported on {day_text}."


def render(items: list[Cited], *, site: str, day_text: str) -> bytes:
    """The .docx file: a title, one line of what it holds, then a heading, text and citation per paragraph."""
    document = Document()
    document.core_properties.title = TITLE
    document.core_properties.author = "Resolutions Archive"
    document.add_heading(TITLE, level=0)
    document.add_paragraph(introduction(len(items), site, day_text))
    for item in items:
        document.add_heading(item.heading, level=2)
        document.add_paragraph(item.text)
        source = document.add_paragraph()
        source.add_run(un_style(item)).italic = True
        source.add_run(f". {item.url}")
        for run in source.runs:
            run.font.size = Pt(9)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
