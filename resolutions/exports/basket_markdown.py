"""The citation basket as Markdown (CommonMark): each paragraph collected, its text quoted, then its
citation in UN style and its permalink, in the order they were collected.

The texts are escaped, so a bracket, an asterisk or a '#' in a resolution prints as itself.
"""

from __future__ import annotations

import re

from resolutions.exports.basket_docx import TITLE, introduction
from resolutions.exports.cited import Cited
from resolutions.exports.styles import un_style

MEDIA_TYPE = "text/markdown; charset=utf-8"
EXTENSION = "md"
SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def escape(text: str) -> str:
    """``text`` as Markdown prints it literally, on one line."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(items: list[Cited], *, site: str, day_text: str) -> str:
    """The Markdown document."""
    parts = [f"# {TITLE}", escape(introduction(len(items), site, day_text))]
    for item in items:
        parts += [
            f"## {escape(item.heading)}",
            f"> {escape(item.text)}",
            f"*{escape(un_style(item))}*, <{item.url}>",
        ]
    return "\n\n".join(parts) + "\n"
