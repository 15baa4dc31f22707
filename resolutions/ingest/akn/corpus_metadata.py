"""The corpus metadata line (``metadata/NN.jsonl`` beside ``NN/English/file.xml``) merged into parsed resolutions.

It fills what the XML lacks (committee, agenda item, sponsors, SDGs, subjects); the XML's own votes
and dates win, with a warning when the line disagrees.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from resolutions.citations.symbols import normalize_symbol
from resolutions.ingest.akn.cover import parse_date
from resolutions.ingest.document import (
    ParsedDocument,
    ParsedResolution,
    ParseError,
    Vote,
)


def is_companion(path: Path) -> bool:
    """A corpus metadata file (``metadata/75.jsonl``): read with the XML beside it, not imported on its own."""
    return path.suffix == ".jsonl" and path.parent.name == "metadata" and path.stem.isdigit()


def metadata_file(path: Path) -> Path | None:
    """``../../metadata/NN.jsonl`` for ``NN/English/file.xml``."""
    session_dir = path.resolve().parent.parent
    candidate = session_dir.parent / "metadata" / f"{session_dir.name}.jsonl"
    return candidate if candidate.is_file() else None


_METADATA_CACHE: dict[Path, tuple[float, dict[str, dict]]] = {}


def metadata_lines(file: Path) -> dict[str, dict]:
    """Lines of a metadata file by canonical symbol (cached while the file is unchanged)."""
    mtime = file.stat().st_mtime
    cached = _METADATA_CACHE.get(file)
    if cached and cached[0] == mtime:
        return cached[1]
    lines: dict[str, dict] = {}
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ParseError(f"metadata line is not JSON: {error}", source=file.name, line=number) from None
            symbol = normalize_symbol(str(record.get("symbol", "")))
            if symbol:
                lines[symbol.upper()] = record
            raw = str(record.get("symbol", "")).strip().upper()
            if raw:
                lines.setdefault(raw, record)
    _METADATA_CACHE[file] = (mtime, lines)
    return lines


def enrich_from_path(document: ParsedDocument, path: Path) -> None:
    """Merge the corpus metadata line of each resolution, when the file is in the corpus layout."""
    file = metadata_file(path)
    if file is None:
        return
    lines = metadata_lines(file)
    for resolution in document.resolutions:
        record = lines.get(resolution.symbol.upper())
        if record is None:
            base = re.sub(r" [A-Z]$", "", resolution.symbol)
            record = next(
                (
                    r
                    for s, r in lines.items()
                    if re.fullmatch(re.escape(base.upper()) + r"(?: [A-Z](?:\s*[-–,]\s*[A-Z])*)?", s)
                ),
                None,
            )
        if record is None:
            resolution.warnings.append(f"no line for {resolution.symbol} in {file.name}")
            continue
        apply_metadata(resolution, record, file.name)


METADATA_KEYS = (
    "adoption_type",
    "voting_type",
    "sponsors",
    "additional_sponsors",
    "SDGs",
    "subjects",
    "originating_document",
    "report_paragraph",
    "agenda_item_name",
    "pv",
    "MS_in_favour_count",
    "MS_against_count",
    "MS_abstaining_count",
)


def apply_metadata(resolution: ParsedResolution, record: dict, file_name: str) -> None:
    committee = str(record.get("committee") or "").strip()
    if committee:
        resolution.committee = committee
    agenda = re.sub(r"^Agenda items?\s*", "", str(record.get("agenda_item") or ""), flags=re.I).strip()
    if agenda and not resolution.agenda_item:
        resolution.agenda_item = agenda
    adopted = parse_date(str(record.get("adoption_date") or ""))
    if adopted and resolution.adopted_on and adopted != resolution.adopted_on:
        resolution.warnings.append(
            f"{file_name} gives adoption date {adopted} but the XML says {resolution.adopted_on}; kept the XML"
        )
    elif adopted and not resolution.adopted_on:
        resolution.adopted_on = adopted
    if not resolution.meeting and record.get("adoption_meeting"):
        resolution.meeting = str(record["adoption_meeting"]).strip()
    votes: dict[str, str] = {}
    for key, value in (("MS_in_favour", "Y"), ("MS_against", "N"), ("MS_abstaining", "A")):
        for state in record.get(key) or []:
            name = str(state).strip()
            if name in votes and votes[name] != value:
                resolution.warnings.append(f"{file_name}: {name} is listed with two different votes")
            votes.setdefault(name, value)
    listed = [Vote(state, vote) for state, vote in sorted(votes.items())]
    if not resolution.votes:
        resolution.votes = listed
    elif listed and listed != resolution.votes:
        resolution.warnings.append(f"{file_name} lists other votes than the XML; kept the XML's")
    resolution.metadata.update(
        {key: record[key] for key in METADATA_KEYS if key in record and record[key] not in (None, "", [])}
    )
