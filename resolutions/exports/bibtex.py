"""BibTeX: one ``@misc`` entry per resolution or paragraph, as reference managers (Zotero, JabRef,
BibLaTeX's ``misc``) import them.

The organ is an institutional author in double braces, so BibTeX never reads it as a person's name; the
title keeps its capitals; LaTeX's special characters are escaped. A paragraph's entry adds the pinpoint
('para. 5') as ``note`` and its text as ``abstract``.
"""

from __future__ import annotations

from resolutions.exports.cited import PUBLISHER, Cited
from resolutions.exports.styles import un_style_in

MEDIA_TYPE = "application/x-bibtex"
EXTENSION = "bib"

# What LaTeX reads as commands, and how each is written as itself.
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
LATEX_TABLE = str.maketrans(LATEX_SPECIAL)


def escape(text: str) -> str:
    """``text`` as LaTeX prints it literally (one line: BibTeX fields need none)."""
    return " ".join(text.split()).translate(LATEX_TABLE)


def fields(cited: Cited) -> list[tuple[str, str]]:
    """(name, value as written between braces) of the entry, in the order they are written."""
    values = [
        ("author", "{" + escape(cited.author) + "}"),
        ("title", "{" + escape(cited.title) + "}"),
        ("type", "Resolution"),
        ("number", escape(cited.symbol)),
        ("organization", escape(PUBLISHER)),
    ]
    if cited.adopted_on:
        day = cited.adopted_on
        values += [("year", str(day.year)), ("month", str(day.month)), ("date", day.isoformat())]
    if cited.key:
        values.append(("note", escape(un_style_in(cited, cited.language))))
    if cited.text:
        values.append(("abstract", escape(cited.text)))
    values += [("url", cited.url), ("language", cited.language_name)]
    return values


def entry(cited: Cited) -> str:
    """One entry: '@misc{A-RES-70-126-op5,\\n  author = {{United Nations General Assembly}},\\n  …}'."""
    lines = [f"  {name} = {{{value}}}" for name, value in fields(cited)]
    return f"@misc{{{cited.identifier},\n" + ",\n".join(lines) + "\n}\n"


def render(items: list[Cited]) -> str:
    """The entries, a blank line apart."""
    return "\n".join(entry(item) for item in items)
