"""Sponsors, SDGs and subjects read from a resolution's metadata, whichever source spelled them.

The corpus metadata line gives ``sponsors``, ``additional_sponsors``, ``SDGs`` and
``subjects`` (``[name, thesaurus]`` pairs); the AKN ``<meta>`` gives ``SDGs``,
``subjects_unbis`` (names of the UNBIS Thesaurus) and ``submitted_by``. Both are read
here, in one place, into the shapes the archive stores as rows. Pure: no database.

A sponsor entry is split into states only when every part names one ("UNITED STATES
AND VIET NAM", "Australia, Austria and Uruguay"); otherwise it is kept whole, as printed,
naming a state only when it leads with one ("Uganda (on behalf of … the Group of 77 and
China)"), and naming none when it is a body ("submitted by the President of the General
Assembly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.reference.member_states import state_code

SPONSOR = "sponsor"
ADDITIONAL = "additional"
SDG_TITLES = {
    1: "No poverty",
    2: "Zero hunger",
    3: "Good health and well-being",
    4: "Quality education",
    5: "Gender equality",
    6: "Clean water and sanitation",
    7: "Affordable and clean energy",
    8: "Decent work and economic growth",
    9: "Industry, innovation and infrastructure",
    10: "Reduced inequalities",
    11: "Sustainable cities and communities",
    12: "Responsible consumption and production",
    13: "Climate action",
    14: "Life below water",
    15: "Life on land",
    16: "Peace, justice and strong institutions",
    17: "Partnerships for the goals",
}
UNBIS = "UNBIS Thesaurus"
NAME_LIMIT = 500


@dataclass(frozen=True)
class SponsorEntry:
    role: str  # SPONSOR or ADDITIONAL
    name: str  # as printed, spaces collapsed
    state: str  # ISO alpha-3 code, "" when the entry names no state


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip(" ,.;")[:NAME_LIMIT]


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at commas outside parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [part.strip() for part in [*parts, current] if part.strip()]


def _lead_state(text: str) -> str:
    """The state an entry names or leads with ("Uganda (on behalf of …)", "EGYPT, ON BEHALF OF …")."""
    code = state_code(text)
    if code:
        return code
    lead = re.split(r"\s*\(|,?\s+on behalf of\b|\s+in its capacity\b", text, maxsplit=1, flags=re.I)[0]
    return state_code(lead) if lead != text else ""


def _split_and(part: str) -> list[str] | None:
    """``part`` as one state, or two joined by an "and" outside parentheses ("Trinidad and Tobago and Uruguay",
    "Nigeria (on behalf of …) and Türkiye"); None when it names no state."""
    if state_code(part):
        return [part]
    pieces = re.split(r"\s+and\s+", part, flags=re.I)
    for cut in range(1, len(pieces)):
        left, right = " and ".join(pieces[:cut]), " and ".join(pieces[cut:])
        if left.count("(") == left.count(")") and _lead_state(left) and _lead_state(right):
            return [left, right]
    return [part] if _lead_state(part) else None


def sponsor_names(entry: str) -> list[tuple[str, str]]:
    """One printed sponsor entry as (name, state code) pairs: split into states when every part is one."""
    entry = clean(entry)
    if not entry:
        return []
    if state_code(entry):
        return [(entry, state_code(entry))]
    names: list[str] = []
    for part in _top_level_parts(entry):
        split = _split_and(part)
        if split is None:
            return [(entry, _lead_state(entry))]
        names += split
    return [(name, _lead_state(name)) for name in names]


def _entries(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value or [] if isinstance(item, str)]


def sponsors_of(metadata: dict) -> list[SponsorEntry]:
    """Sponsors, then additional sponsors, in printed order, each name once per role."""
    entries: list[SponsorEntry] = []
    raw = _entries(metadata.get("sponsors")) or _entries(metadata.get("submitted_by"))
    for role, values in ((SPONSOR, raw), (ADDITIONAL, _entries(metadata.get("additional_sponsors")))):
        seen: set[str] = set()
        for value in values:
            for name, code in sponsor_names(value):
                key = code or name.upper()
                if key not in seen:
                    seen.add(key)
                    entries.append(SponsorEntry(role, name, code))
    return entries


def goals_of(metadata: dict) -> list[int]:
    """The SDGs named (numbers 1 to 17), in order, each once; anything else is left out."""
    goals: list[int] = []
    for value in metadata.get("SDGs") or []:
        match = re.fullmatch(r"\s*(?:SDG\s*)?0*(\d{1,2})\s*", str(value), flags=re.I)
        number = int(match.group(1)) if match else 0
        if number in SDG_TITLES and number not in goals:
            goals.append(number)
    return goals


def subjects_of(metadata: dict) -> list[tuple[str, str]]:
    """(name, thesaurus) of every subject, each once: the metadata line's pairs, then AKN's UNBIS names."""
    subjects: list[tuple[str, str]] = []
    for value in metadata.get("subjects") or []:
        if isinstance(value, (list, tuple)) and value:
            pair = (clean(value[0]), clean(value[1]) if len(value) > 1 else UNBIS)
        elif isinstance(value, str):
            pair = (clean(value), UNBIS)
        else:
            continue
        subjects.append(pair)
    subjects += [(clean(name), UNBIS) for name in metadata.get("subjects_unbis") or [] if isinstance(name, str)]
    unique: dict[tuple[str, str], tuple[str, str]] = {}
    for name, thesaurus in subjects:
        if name and thesaurus:
            unique.setdefault((name.casefold(), thesaurus.casefold()), (name[:200], thesaurus[:80]))
    return list(unique.values())


def adoption_of(metadata: dict, recorded_votes: int) -> str:
    """ "recorded" (a recorded vote), "without" (adopted without a vote), or "" when the sources do not say."""
    said = str(metadata.get("adoption_type") or metadata.get("voting_type") or "").casefold()
    if recorded_votes or "recorded" in said:
        return "recorded"
    if "without" in said:
        return "without"
    return ""
