"""The UN bodies whose resolutions the archive holds, and those it cites without holding (pure: no ORM).

Adding a body is adding one ``BodyInfo`` here: the loader creates its
``Body`` row the first time a resolution of it is imported. Every name and
abbreviation of a body stands here only: the importers and the citations
derive the names they read from ``BODIES`` and ``CITED_BODIES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.reference.numbers import ordinal_words


@dataclass(frozen=True)
class BodyInfo:
    code: str  # stable, used in URLs: "GA", "ECOSOC", "ESCAP"
    name: str  # "General Assembly"
    symbol_prefix: str  # "A/RES/", "E/RES/", "E/ESCAP/RES/"
    sessions_are_years: bool  # ECOSOC numbers its sessions by year
    order: int
    abbreviations: tuple[str, ...] = ()  # as texts and people print them: "GA", "ECOSOC"
    short_names: tuple[str, ...] = ()  # a shorter name the texts use: "Assembly", "Environment Assembly"

    @property
    def printed_names(self) -> tuple[str, ...]:
        """Every way a text names the body: 'General Assembly', 'Assembly', 'GA'."""
        return (self.name, *self.short_names, *self.abbreviations)

    def symbol(self, number: str) -> str:
        """'70/126' -> 'A/RES/70/126'."""
        return f"{self.symbol_prefix}{number}"

    def session_label(self, session: str) -> str:
        """A readable label for a session as this body numbers it."""
        if self.sessions_are_years:
            return f"{session} session"
        special = re.fullmatch(r"S-(\d+)", session)
        if special:
            return f"{ordinal_words(int(special.group(1))).capitalize()} special session"
        emergency = re.fullmatch(r"ES-(\d+)", session)
        if emergency:
            return f"{ordinal_words(int(emergency.group(1))).capitalize()} emergency special session"
        if session.isdigit():
            return f"{ordinal_words(int(session)).capitalize()} session"
        return f"Session {session}"


BODIES: dict[str, BodyInfo] = {
    info.code: info
    for info in [
        BodyInfo("GA", "General Assembly", "A/RES/", False, 1, ("GA",), ("Assembly",)),
        BodyInfo("ECOSOC", "Economic and Social Council", "E/RES/", True, 2, ("ECOSOC",)),
        BodyInfo("HRC", "Human Rights Council", "A/HRC/RES/", False, 3, ("HRC",)),
        BodyInfo(
            "ESCAP", "Economic and Social Commission for Asia and the Pacific", "E/ESCAP/RES/", False, 10, ("ESCAP",)
        ),
        BodyInfo("ECA", "Economic Commission for Africa", "E/ECA/RES/", False, 11, ("ECA",)),
        BodyInfo("ECLAC", "Economic Commission for Latin America and the Caribbean", "LC/RES/", False, 12, ("ECLAC",)),
        BodyInfo("ESCWA", "Economic and Social Commission for Western Asia", "E/ESCWA/RES/", False, 13, ("ESCWA",)),
    ]
}

# Bodies whose resolutions the texts cite but the archive does not hold.
CITED_BODIES: dict[str, BodyInfo] = {
    info.code: info
    for info in [
        BodyInfo("SC", "Security Council", "S/RES/", False, 20, ("SC",)),
        BodyInfo("CHR", "Commission on Human Rights", "E/CN.4/RES/", False, 21),
        BodyInfo("UNEA", "United Nations Environment Assembly", "UNEP/EA.", False, 22, (), ("Environment Assembly",)),
    ]
}

# How each body names itself at the head of its resolutions ("The General Assembly,").
BODY_BY_NAME: dict[str, str] = {info.name.lower(): code for code, info in BODIES.items()}


def printed_body_names() -> list[str]:
    """Every name and abbreviation of a held or cited body as printed, longest first (for alternations)."""
    names = [name for info in (BODIES | CITED_BODIES).values() for name in info.printed_names]
    return sorted(names, key=len, reverse=True)


def codes_by_printed_name() -> dict[str, str]:
    """Every name and abbreviation of a held or cited body, lower case, to its code: 'assembly' -> 'GA'."""
    return {name.lower(): code for code, info in (BODIES | CITED_BODIES).items() for name in info.printed_names}


def body_for_symbol(symbol: str) -> BodyInfo | None:
    """The body whose resolution symbols start like ``symbol`` (longest prefix wins)."""
    best = None
    for info in BODIES.values():
        if symbol.upper().startswith(info.symbol_prefix) and (
            best is None or len(info.symbol_prefix) > len(best.symbol_prefix)
        ):
            best = info
    return best


MAIN_COMMITTEE_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


def committee_name(raw: str) -> str:
    """A committee as the UN prints it: '#fifthCommittee' (an AKN reference), 'fifth committee' -> 'Fifth Committee'.

    The General Assembly's six Main Committees are named one way, so filters
    and facets find them whichever source gave the value; any other value is
    kept as given, spaces tidied.
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw.strip().lstrip("#")).split()
    if len(words) == 2 and words[0].lower() in MAIN_COMMITTEE_ORDINALS and words[1].lower() == "committee":
        return f"{words[0].capitalize()} Committee"
    return " ".join(raw.split())
