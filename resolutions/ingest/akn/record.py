"""The vote record and the rest of ``<meta>``: recorded votes per Member State, adoption type, SDGs,
UNBIS subjects, the drafting workflow; and the ``<meta>`` parts that are not imported.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from resolutions.ingest.akn.elements import NS, local, plain
from resolutions.ingest.document import (
    Vote,
)

ADOPTION_TYPES = {"adoptedRecordedVote": "By a recorded vote", "adoptedWithoutVote": "Without a vote"}

VOTE_CODES = {"inFavour": "Y", "against": "N", "abstaining": "A"}


def read_record(metas: list[ET.Element]) -> tuple[list[Vote], dict]:
    """Votes per Member State, adoption type, SDGs, subjects and the drafting workflow from ``<meta>``.

    The first ``<meta>`` that has an item wins (a part's own, then its collection's).
    """
    votes: list[Vote] = []
    record: dict = {}
    for meta in metas:
        voting = meta.find(f".//{NS}voting")
        if voting is not None and "adoption_type" not in record:
            outcome = (voting.get("outcome") or "").strip()
            if outcome:
                record["adoption_type"] = ADOPTION_TYPES.get(outcome, outcome)
            for count in voting.findall(NS + "count"):
                code = VOTE_CODES.get(count.get("refersTo", "").lstrip("#"))
                if code is None:
                    continue
                record[f"votes_{count.get('refersTo', '').lstrip('#')}_count"] = count.get("value", "")
                votes += [Vote(plain(state), code) for state in count.iter(NS + "organization") if plain(state)]
        if "SDGs" not in record:
            sdgs = [k.get("value", "") for k in meta.iter(NS + "keyword") if k.get("dictionary") == "SDGO"]
            subjects = sorted(
                {
                    k.get("value", "").replace("_", " ")
                    for k in meta.iter(NS + "keyword")
                    if k.get("dictionary") == "UNBIS Thesaurus" and k.get("value")
                }
            )
            if sdgs:
                record["SDGs"] = sdgs
            if subjects:
                record["subjects_unbis"] = subjects
        for step in meta.iter(NS + "step"):
            outcome, by = step.get("outcome", ""), (step.get("by") or "").strip()
            if outcome == "draftResolution" and by and "submitted_by" not in record:
                record["submitted_by"] = by
            elif outcome == "recommendedForAdoption" and step.get("as") and "recommended_in" not in record:
                record["recommended_in"] = step.get("as")
                if step.get("refersTo"):
                    record["report_paragraph"] = step.get("refersTo")
    unique: dict[str, str] = {}
    for vote in votes:
        unique.setdefault(vote.member_state, vote.vote)
    return [Vote(state, vote) for state, vote in sorted(unique.items())], record


# <meta> children: FRBR identification, classification, workflow and analysis are read;
# references (the TLC vocabulary), presentation (page footers, bar codes) and notes are furniture.
META_PARTS = {
    "identification",
    "classification",
    "workflow",
    "analysis",
    "references",
    "presentation",
    "publication",
    "lifecycle",
    "notes",
    "proprietary",
    "temporalData",
}


def unread_meta(meta: ET.Element | None, symbol: str) -> list[str]:
    if meta is None:
        return []
    return [
        f"{symbol}: <{local(part.tag)}> in <meta> was not imported"
        for part in meta
        if local(part.tag) not in META_PARTS
    ]
